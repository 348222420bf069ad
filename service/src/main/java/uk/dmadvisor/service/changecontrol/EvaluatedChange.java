package uk.dmadvisor.service.changecontrol;

import java.util.List;
import java.util.Map;

import uk.dmadvisor.api.model.Action;
import uk.dmadvisor.api.model.Alternative;
import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.Change;
import uk.dmadvisor.api.model.ChangeOutcome;
import uk.dmadvisor.api.model.Route;
import uk.dmadvisor.api.model.VariationCategory;
import uk.dmadvisor.dmn.DecisionOutcome;
import uk.dmadvisor.dmn.ModelEvaluation;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.changecontrol.ChangeFact;
import uk.dmadvisor.service.models.Explanations;

/** One change with the per-change model's evaluation, read out into the values the response and the rules need. */
record AssessedChange(int index, Change change, ModelEvaluation evaluation, List<Action> actions,
                      List<Alternative> alternatives) {

    static final String SCOPE = "Change scope";
    static final String VARIATION = "Variation classification";
    static final String ROUTE = "Change route";
    static final String SEVERITY = "Route severity";
    static final String ACTIONS = "Actions";

    String scope() {
        return evaluation.decision(SCOPE).value().toString();
    }

    Route route() {
        return Route.fromValue(evaluation.decision(ROUTE).value().toString());
    }

    DecisionOutcome routeDecision() {
        return evaluation.decision(ROUTE);
    }

    VariationCategory variationCategory() {
        return VariationCategory.fromValue(variation().get("category").toString());
    }

    String classificationCode() {
        Object code = variation().get("code");
        return code == null || code.toString().isBlank() ? null : code.toString();
    }

    int severity() {
        return ((Number) evaluation.decision(SEVERITY).value()).intValue();
    }

    /** The actions of an evaluation, built once and shared by every change that has the same inputs. */
    static List<Action> actionsOf(ModelEvaluation evaluation) {
        return evaluation.decision(ACTIONS).matchedRows().stream().map(AssessedChange::action).toList();
    }

    private static Action action(RuleRow row) {
        return new Action().code(row.outcome()).description(row.explanation())
                .ruleId(row.ruleId()).citation(row.citation()).basis(Basis.fromValue(row.basis()));
    }

    ChangeFact fact() {
        return new ChangeFact(index, change.getId(), change.getCategory().getValue(), change.getSiteIds(),
                change.getWithinMasterFile().getValue(), change.getWithinAuthorisation().getValue(),
                change.getQualityImpact().getValue(), change.getComparabilityDataNeeded(),
                Boolean.TRUE.equals(change.getIaConditionsMet()), scope(), route().getValue(),
                variationCategory().getValue(), severity());
    }

    ChangeOutcome outcome() {
        return new ChangeOutcome()
                .changeId(change.getId())
                .route(route())
                .variationCategory(variationCategory())
                .classificationCode(classificationCode())
                .severity(severity())
                .decisions(evaluation.decisions().stream().map(Explanations::decision).toList())
                .actions(actions)
                .alternatives(alternatives);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> variation() {
        return (Map<String, Object>) evaluation.decision(VARIATION).value();
    }
}
