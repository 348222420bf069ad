package uk.dmadvisor.service.catalogue;

import java.util.ArrayList;
import java.util.List;

import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.DecisionTableDescription;
import uk.dmadvisor.api.model.DecisionTableDescriptionInputsInner;
import uk.dmadvisor.api.model.FiredRule;
import uk.dmadvisor.api.model.ModelRules;
import uk.dmadvisor.api.model.ModelSummary;
import uk.dmadvisor.api.model.TableRow;
import uk.dmadvisor.dmn.DecisionTableView;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RuleMetadata;

/** Describes the catalogue's models in the shapes of the API contract. */
final class ModelDescriptions {

    private ModelDescriptions() {
    }

    static ModelSummary summary(CatalogueEntry entry) {
        ModelSource source = entry.source();
        String id = entry.id();
        return new ModelSummary().id(id).name(source.name()).kind(ModelSummary.KindEnum.fromValue(source.kind().name()))
                .file(source.fileName()).version(source.version()).sha256(source.sha256())
                .mediaType(entry.mediaType().toString())
                .sourceUrl(CatalogueLinks.source(id)).rulesUrl(CatalogueLinks.rules(id)).pageUrl(CatalogueLinks.page(id));
    }

    static ModelRules rules(CatalogueEntry entry) {
        return new ModelRules().id(entry.id()).kind(ModelRules.KindEnum.fromValue(entry.source().kind().name()))
                .tables(entry.tables().stream().map(ModelDescriptions::table).toList())
                .rules(entry.rules().stream().map(ModelDescriptions::rule).toList());
    }

    static DecisionTableDescription table(DecisionTableView table) {
        List<DecisionTableDescriptionInputsInner> inputs = new ArrayList<>();
        for (int i = 0; i < table.inputLabels().size(); i++) {
            inputs.add(new DecisionTableDescriptionInputsInner(table.inputLabels().get(i), table.inputExpressions().get(i)));
        }
        return new DecisionTableDescription().decision(table.decisionName()).hitPolicy(table.hitPolicy())
                .inputs(inputs).outputs(table.outputNames())
                .favourableOutcomes(favourable(table))
                .rows(table.rows().stream().map(ModelDescriptions::row).toList());
    }

    /** Sorted, since the model's set of favourable outcomes has no order of its own. */
    static List<String> favourable(DecisionTableView table) {
        return table.favourable().stream().sorted().toList();
    }

    static TableRow row(RuleRow row) {
        return new TableRow().ruleId(row.ruleId()).inputEntries(row.inputEntries()).outputEntries(row.outputEntries())
                .citation(row.citation()).basis(Basis.fromValue(row.basis())).explanation(row.explanation());
    }

    static FiredRule rule(RuleMetadata rule) {
        return new FiredRule().ruleId(rule.ruleId()).name(rule.ruleName()).file(rule.file())
                .kind(FiredRule.KindEnum.fromValue(rule.kind())).citation(rule.citation())
                .basis(Basis.fromValue(rule.basis()));
    }
}
