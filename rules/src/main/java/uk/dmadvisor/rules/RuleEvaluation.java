package uk.dmadvisor.rules;

import java.util.List;

/** What one stateless execution of the request rules produced: the rules that fired, in order, and their findings. */
public record RuleEvaluation(List<RuleMetadata> fired, List<RuleFinding> findings) {

    public List<RuleFinding> contradictions() {
        return findings.stream().filter(f -> f.kind() == RuleFinding.Kind.CONTRADICTION).toList();
    }

    public List<RuleFinding> advisories() {
        return findings.stream().filter(f -> f.kind() == RuleFinding.Kind.ADVISORY).toList();
    }
}
