package uk.dmadvisor.service.designation;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import uk.dmadvisor.api.model.AnswerView;
import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.Condition;
import uk.dmadvisor.api.model.DesignationAssessment;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.api.model.NextStep;
import uk.dmadvisor.api.model.Obligation;
import uk.dmadvisor.api.model.Recommendation;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.DecisionOutcome;
import uk.dmadvisor.dmn.ModelEvaluation;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.rules.RuleEvaluation;
import uk.dmadvisor.service.models.Answers;
import uk.dmadvisor.service.models.Explanations;
import uk.dmadvisor.service.models.Traces;
import uk.dmadvisor.service.problems.FieldProblem;
import uk.dmadvisor.service.problems.InvalidRequestException;

/** Runs a designation request through the consistency rules and the designation model, and explains the result. */
@Service
public class DesignationAdvisor {

    static final String MODEL = "designation";
    static final String RECOMMENDATION = "Recommendation";
    static final String NEXT_STEPS = "Next steps";
    static final String OBLIGATIONS = "Obligations";
    static final String BLOCKING_CONDITIONS = "Blocking conditions";
    static final String OPEN_CONDITIONS = "Open conditions";

    private final DecisionModels models;
    private final RequestRules rules;
    private final Answers answers;

    DesignationAdvisor(DecisionModels models, RequestRules rules, Answers answers) {
        this.models = models;
        this.rules = rules;
        this.answers = answers;
    }

    public DesignationAssessment assess(DesignationAssessmentRequest request) {
        return assess(request, AnswerView.FULL);
    }

    /** The compact view leaves out the trace, the decisions and the alternatives; nothing else depends on them. */
    public DesignationAssessment assess(DesignationAssessmentRequest request, AnswerView view) {
        boolean full = view != AnswerView.COMPACT;
        RuleEvaluation consistency = rules.evaluate(List.of(request));
        if (!consistency.contradictions().isEmpty()) {
            throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_ENTITY, consistency.contradictions().stream()
                    .map(c -> new FieldProblem(c.field(), c.message(), c.ruleId(), null))
                    .toList());
        }
        Map<String, Object> inputs = DesignationInputs.from(request);
        ModelEvaluation evaluation = models.evaluate(MODEL, inputs);
        DecisionOutcome recommendation = evaluation.decision(RECOMMENDATION);
        DesignationAssessment answer = new DesignationAssessment()
                .recommendation(Recommendation.fromValue(recommendation.value().toString()))
                .summary(recommendation.matchedRows().get(0).explanation())
                .conditions(conditions(evaluation))
                .decisions(full ? evaluation.decisions().stream().map(Explanations::decision).toList() : null)
                .nextSteps(evaluation.decision(NEXT_STEPS).matchedRows().stream()
                        .map(row -> new NextStep().code(row.outcome()).description(row.explanation())
                                .ruleId(row.ruleId()).citation(row.citation()).basis(Basis.fromValue(row.basis())))
                        .toList())
                .obligations(evaluation.decision(OBLIGATIONS).matchedRows().stream()
                        .map(row -> new Obligation().code(row.outcome()).description(row.explanation())
                                .ruleId(row.ruleId()).citation(row.citation()).basis(Basis.fromValue(row.basis())))
                        .toList())
                .findings(consistency.advisories().stream().map(Explanations::finding).toList())
                .alternatives(full
                        ? models.alternatives(evaluation, inputs).stream().map(Explanations::alternative).toList() : null)
                .trace(full ? Traces.of(List.of(Traces.evaluation(evaluation, null)), consistency.fired(),
                        evaluation.messages()) : null)
                .provenance(answers.provenanceFor(request));
        return answer.seal(answers.sealFor(answer));
    }

    /** The model lists blocking and open conditions in two tables; the status says which table a row came from. */
    private static List<Condition> conditions(ModelEvaluation evaluation) {
        return Stream.concat(
                        evaluation.decision(BLOCKING_CONDITIONS).matchedRows().stream()
                                .map(row -> condition(row, Condition.StatusEnum.BLOCKING)),
                        evaluation.decision(OPEN_CONDITIONS).matchedRows().stream()
                                .map(row -> condition(row, Condition.StatusEnum.OPEN)))
                .toList();
    }

    private static Condition condition(RuleRow row, Condition.StatusEnum status) {
        return new Condition().code(row.outcome()).status(status).description(row.explanation())
                .ruleId(row.ruleId()).citation(row.citation()).basis(Basis.fromValue(row.basis()));
    }
}
