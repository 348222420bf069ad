package uk.dmadvisor.rules;

import java.util.List;

/** What one stateless execution of the request rules produced: the rules that fired, in order, and their findings. */
public record RuleEvaluation(List<RuleMetadata> fired, List<RuleFinding> findings) {

    public List<RuleFinding> contradictions() {
        return ofKind(RuleFinding.Kind.CONTRADICTION);
    }

    public List<RuleFinding> advisories() {
        return ofKind(RuleFinding.Kind.ADVISORY);
    }

    public List<RuleFinding> ofKind(RuleFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }
}
