package uk.dmadvisor.service.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.dmadvisor.dmn.DecisionTableView;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.dmn.RuleRow;

/**
 * What the catalogue pages ({@code templates/catalogue/*.html}) show, taken from the model files. The templates
 * escape every string; a rule's row carries the rule id as its HTML id, so answers link to it.
 */
public final class CataloguePages {

    static final String BASES = "Basis: LAW rests on legislation, GUIDANCE on MHRA guidance, INFERRED on our"
            + " own reading where the sources are silent (confirm such points with the MHRA).";

    private static final Map<String, String> HIT_POLICIES = Map.of(
            "UNIQUE", "exactly one row applies to any case",
            "FIRST", "the first row that applies, in the order shown, decides",
            "PRIORITY", "of the rows that apply, the output of highest priority decides",
            "ANY", "the rows that apply all give the same output",
            "COLLECT", "every row that applies contributes its output",
            "RULE ORDER", "every row that applies contributes its output, in the order shown",
            "OUTPUT ORDER", "every row that applies contributes its output, in order of priority");

    public record Summary(String id, String href, String kind, String name, String version, String contents, String sha256,
                   String sourceHref, String mediaType, String rulesHref) {
    }

    public record Input(String label, String expression) {
    }

    public record Cell(String text, boolean favourable) {
    }

    public record Row(String ruleId, String anchor, List<String> inputs, List<Cell> outputs, String citation, String basis,
               String explanation) {
    }

    public record Table(String anchor, String decision, String hitPolicy, String policy, List<String> favourable,
                 List<Input> inputs, List<String> outputs, List<Row> rows) {
    }

    public record Rule(String ruleId, String anchor, String name, String kind, String citation, String basis) {
    }

    private CataloguePages() {
    }

    static Map<String, Object> index(Collection<CatalogueEntry> entries) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entries", entries.stream().map(CataloguePages::summary).toList());
        model.put("listHref", CatalogueLinks.LIST);
        return model;
    }

    static Map<String, Object> model(CatalogueEntry entry) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("entry", summary(entry));
        model.put("bases", BASES);
        model.put("indexHref", CatalogueLinks.INDEX_PAGE);
        List<Table> tables = new ArrayList<>();
        List<DecisionTableView> views = entry.tables();
        for (int t = 0; t < views.size(); t++) {
            tables.add(table(t + 1, views.get(t)));
        }
        model.put("tables", tables);
        model.put("rules", entry.rules().stream().map(r -> new Rule(r.ruleId(), anchor(r.ruleId()), r.ruleName(),
                r.kind(), r.citation(), r.basis())).toList());
        model.put("dmn", entry.source().kind() == ModelSource.Kind.DMN);
        return model;
    }

    private static Summary summary(CatalogueEntry entry) {
        ModelSource source = entry.source();
        return new Summary(entry.id(), CatalogueLinks.page(entry.id()), source.kind().name(), source.name(),
                source.version(), contents(entry), source.sha256(), CatalogueLinks.source(entry.id()),
                entry.mediaType().toString(), CatalogueLinks.rules(entry.id()));
    }

    private static Table table(int number, DecisionTableView table) {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < table.inputLabels().size(); i++) {
            String label = table.inputLabels().get(i);
            String expression = table.inputExpressions().get(i);
            inputs.add(new Input(label, expression.equals(label) ? null : expression));
        }
        List<Row> rows = new ArrayList<>();
        for (RuleRow row : table.rows()) {
            rows.add(new Row(row.ruleId(), anchor(row.ruleId()), row.inputEntries(),
                    row.outputEntries().stream().map(e -> new Cell(e, table.isFavourable(e.replaceAll("^\"|\"$", ""))))
                            .toList(),
                    row.citation(), row.basis(), row.explanation()));
        }
        return new Table("table-" + number, table.decisionName(), table.hitPolicy(), HIT_POLICIES.get(table.hitPolicy()),
                ModelDescriptions.favourable(table), inputs, table.outputNames(), rows);
    }

    private static String contents(CatalogueEntry entry) {
        if (entry.source().kind() == ModelSource.Kind.DMN) {
            int rows = entry.tables().stream().mapToInt(t -> t.rows().size()).sum();
            return count(entry.tables().size(), "decision table") + ", " + count(rows, "row");
        }
        return count(entry.rules().size(), "rule");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Rows are linkable by rule id, which answers name in their reasons; an HTML id may not contain spaces. */
    static String anchor(String ruleId) {
        return ruleId == null || ruleId.isEmpty() || ruleId.chars().anyMatch(Character::isWhitespace) ? null : ruleId;
    }
}
