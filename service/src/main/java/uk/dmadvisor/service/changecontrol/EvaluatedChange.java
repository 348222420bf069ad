package uk.dmadvisor.service.changecontrol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.dmadvisor.api.model.Action;
import uk.dmadvisor.api.model.Alternative;
import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.Change;
import uk.dmadvisor.api.model.ChangeOutcome;
import uk.dmadvisor.api.model.Classification;
import uk.dmadvisor.api.model.ConditionOutcome;
import uk.dmadvisor.api.model.DecisionResult;
import uk.dmadvisor.api.model.DocumentItem;
import uk.dmadvisor.api.model.Route;
import uk.dmadvisor.api.model.VariationCategory;
import uk.dmadvisor.dmn.DecisionOutcome;
import uk.dmadvisor.dmn.ModelEvaluation;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.changecontrol.AssessedChange;
import uk.dmadvisor.service.models.Explanations;

/** One change with the per-change model's evaluation, read out into the values the response and the rules need. */
record EvaluatedChange(int index, Change change, Evaluated evaluated) {

    static final String SCOPE = "Change scope";
    static final String GROUND = "Designation ground check";
    static final String EDITION = "Guideline edition";
    static final String ENTRY = "Guideline entry";
    static final String CODE = "Guideline code";
    static final String TYPE = "Variation type";
    static final String EXPERT = "Expert confirmation";
    static final String CTA = "CTA modification";
    static final String DOCUMENTATION = "Documentation";
    /** For the letter classified, one row per condition: the condition's words, citing its entry and number. */
    static final String PROVISIONS = "Condition provisions";
    static final String ROUTE = "Change route";
    static final String SEVERITY = "Route severity";
    static final String ACTIONS = "Actions";
    /** The model names each numbered condition of an IA or IA_IN letter with this prefix. */
    static final String CONDITION = "IA condition ";
    /** The edition value the model gives a change that varies no marketing authorisation. */
    private static final String NO_EDITION = "NONE";
    private static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    private static final String YES = "YES";

    /**
     * One evaluation of the model, read out once and shared by every change with the same inputs: its actions, what
     * would change its unfavourable outcomes, every decision it made (for the trace) and the decisions a change's
     * outcome shows (every decision except the IA conditions that do not apply to the letter classified).
     */
    record Evaluated(ModelEvaluation evaluation, List<Action> actions, List<Alternative> alternatives,
                     List<DecisionResult> allDecisions, List<DecisionResult> shownDecisions,
                     Classification classification) {

        static Evaluated of(ModelEvaluation evaluation, List<Alternative> alternatives) {
            List<DecisionResult> all = evaluation.decisions().stream().map(Explanations::decision).toList();
            List<DecisionResult> shown = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                DecisionOutcome decision = evaluation.decisions().get(i);
                if (!(isCondition(decision) && NOT_APPLICABLE.equals(text(decision)))) {
                    shown.add(all.get(i));
                }
            }
            List<Action> actions = evaluation.decision(ACTIONS).matchedRows().stream().map(EvaluatedChange::action).toList();
            return new Evaluated(evaluation, actions, alternatives, all, List.copyOf(shown), classificationOf(evaluation));
        }
    }

    String scope() {
        return text(evaluation().decision(SCOPE));
    }

    Route route() {
        return Route.fromValue(text(evaluation().decision(ROUTE)));
    }

    DecisionOutcome routeDecision() {
        return evaluation().decision(ROUTE);
    }

    VariationCategory variationCategory() {
        return VariationCategory.fromValue(text(evaluation().decision(TYPE)));
    }

    int severity() {
        return ((Number) evaluation().decision(SEVERITY).value()).intValue();
    }

    ModelEvaluation evaluation() {
        return evaluated.evaluation();
    }

    List<Action> actions() {
        return evaluated.actions();
    }

    AssessedChange fact() {
        return new AssessedChange(index, change.getId(), change.getSubject().getValue(), change.getSiteIds(), scope(),
                route().getValue(), variationCategory().getValue(), severity());
    }

    /** The change's outcome; the compact view leaves out its decisions and alternatives. */
    ChangeOutcome outcome(boolean full) {
        return new ChangeOutcome()
                .changeId(change.getId())
                .route(route())
                .variationCategory(variationCategory())
                .severity(severity())
                .classification(evaluated.classification())
                .designationGround(ChangeOutcome.DesignationGroundEnum.fromValue(text(evaluation().decision(GROUND))))
                .ctaModification(ChangeOutcome.CtaModificationEnum.fromValue(text(evaluation().decision(CTA))))
                .decisions(full ? evaluated.shownDecisions() : null)
                .actions(evaluated.actions())
                .alternatives(full ? evaluated.alternatives() : null);
    }

    /** The classification, where the change varies a marketing authorisation (the model names an edition). */
    private static Classification classificationOf(ModelEvaluation evaluation) {
        String edition = text(evaluation.decision(EDITION));
        if (NO_EDITION.equals(edition)) {
            return null;
        }
        DecisionOutcome expert = evaluation.decision(EXPERT);
        Map<String, RuleRow> provisions = new HashMap<>();
        evaluation.decision(PROVISIONS).matchedRows().forEach(row -> provisions.put(row.outcome(), row));
        return new Classification()
                .edition(edition)
                .entry(text(evaluation.decision(ENTRY)))
                .code(text(evaluation.decision(CODE)))
                .type(VariationCategory.fromValue(text(evaluation.decision(TYPE))))
                .conditions(evaluation.decisions().stream()
                        .filter(d -> isCondition(d) && !NOT_APPLICABLE.equals(text(d)))
                        .map(d -> condition(d, provisions)).toList())
                .documentation(evaluation.decision(DOCUMENTATION).matchedRows().stream()
                        .map(row -> new DocumentItem().reference(row.outcome()).description(row.explanation())
                                .ruleId(row.ruleId()).citation(row.citation()).basis(Basis.fromValue(row.basis())))
                        .toList())
                .expertConfirmation(YES.equals(text(expert)) ? Explanations.reason(expert.matchedRows().get(0)) : null);
    }

    /** The condition's outcome and explanation, citing the provision the model names for the letter classified. */
    private static ConditionOutcome condition(DecisionOutcome decision, Map<String, RuleRow> provisions) {
        RuleRow row = decision.matchedRows().get(0);
        String condition = decision.decisionName().substring(CONDITION.length());
        RuleRow provision = Objects.requireNonNull(provisions.get(condition),
                () -> "the model names no provision for the condition '" + condition + "'");
        return new ConditionOutcome()
                .condition(condition)
                .outcome(ConditionOutcome.OutcomeEnum.fromValue(text(decision)))
                .ruleId(row.ruleId()).provision(provision.citation()).basis(Basis.fromValue(provision.basis()))
                .explanation(row.explanation());
    }

    private static boolean isCondition(DecisionOutcome decision) {
        return decision.decisionName().startsWith(CONDITION);
    }

    private static Action action(RuleRow row) {
        return new Action().code(row.outcome()).description(row.explanation())
                .ruleId(row.ruleId()).citation(row.citation()).basis(Basis.fromValue(row.basis()));
    }

    private static String text(DecisionOutcome decision) {
        Object value = decision.value();
        return value instanceof Collection<?> ? value.toString() : String.valueOf(value);
    }
}
