package uk.dmadvisor.service.models;

import java.util.Collection;
import java.util.List;

import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.EngineMessage;
import uk.dmadvisor.api.model.EvaluationTrace;
import uk.dmadvisor.api.model.FiredRule;
import uk.dmadvisor.api.model.Trace;
import uk.dmadvisor.dmn.ModelEvaluation;
import uk.dmadvisor.rules.RuleMetadata;

/** The trace every answer carries, in one shape for every endpoint: evaluations, fired rules, engine messages. */
public final class Traces {

    private Traces() {
    }

    public static Trace of(List<EvaluationTrace> evaluations, List<RuleMetadata> fired,
                           Collection<uk.dmadvisor.dmn.EngineMessage> messages) {
        return new Trace()
                .evaluations(evaluations)
                .rulesFired(fired.stream().map(Traces::fired).toList())
                .engineMessages(messages.stream().distinct().map(m -> new EngineMessage()
                        .severity(m.severity()).text(m.text()).sourceId(m.sourceId())).toList());
    }

    public static EvaluationTrace evaluation(ModelEvaluation evaluation, String subject) {
        return new EvaluationTrace()
                .model(evaluation.model().name())
                .version(evaluation.model().version())
                .subject(subject)
                .decisions(evaluation.decisions().stream().map(Explanations::decision).toList());
    }

    public static FiredRule fired(RuleMetadata rule) {
        return new FiredRule().ruleId(rule.ruleId()).name(rule.ruleName()).file(rule.file())
                .kind(FiredRule.KindEnum.fromValue(rule.kind())).citation(rule.citation())
                .basis(Basis.fromValue(rule.basis()));
    }
}
