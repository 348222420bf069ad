package uk.dmadvisor.service.models;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import uk.dmadvisor.api.model.Alternative;
import uk.dmadvisor.api.model.Basis;
import uk.dmadvisor.api.model.NearestRow;
import uk.dmadvisor.api.model.UnmetCondition;
import uk.dmadvisor.dmn.Alternatives;
import uk.dmadvisor.api.model.DecisionResult;
import uk.dmadvisor.api.model.Finding;
import uk.dmadvisor.api.model.Reason;
import uk.dmadvisor.dmn.DecisionOutcome;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RuleFinding;

/** Turns matched table rows and fired rules into the reasons a response carries. */
public final class Explanations {

    private Explanations() {
    }

    public static Reason reason(RuleRow row) {
        return new Reason().ruleId(row.ruleId()).explanation(row.explanation())
                .citation(row.citation()).basis(Basis.fromValue(row.basis()));
    }

    public static DecisionResult decision(DecisionOutcome outcome) {
        return new DecisionResult()
                .decision(outcome.decisionName())
                .outcome(text(outcome.value()))
                .reasons(reasons(outcome));
    }

    public static Finding finding(RuleFinding finding) {
        return new Finding().ruleId(finding.ruleId()).field(finding.field()).message(finding.message())
                .citation(finding.citation()).basis(Basis.fromValue(finding.basis()));
    }

    private static String text(Object value) {
        if (value instanceof java.util.Map<?, ?> raw) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> structure = (java.util.Map<String, Object>) raw;
            // Components in name order, so a structured outcome always reads the same way.
            return new java.util.TreeMap<>(structure).values().stream().map(String::valueOf)
                    .filter(v -> !v.isBlank()).collect(Collectors.joining(" "));
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? "" : value.toString();
    }

    public static List<Reason> reasons(DecisionOutcome outcome) {
        return outcome.matchedRows().stream().map(Explanations::reason).toList();
    }

    public static Alternative alternative(Alternatives.Alternative alternative) {
        return new Alternative()
                .decision(alternative.decisionName())
                .outcome(alternative.outcome())
                .nearestRows(alternative.nearest().stream().map(near -> new NearestRow()
                        .ruleId(near.row().ruleId()).outcome(near.row().outcome())
                        .explanation(near.row().explanation()).citation(near.row().citation())
                        .basis(Basis.fromValue(near.row().basis()))
                        .unmetConditions(near.unmet().stream().map(u -> new UnmetCondition()
                                .input(u.input()).required(u.required()).actual(u.actual())).toList()))
                        .toList());
    }

    public static Finding finding(RuleFinding finding, boolean withSubjects) {
        Finding result = finding(finding);
        if (withSubjects) {
            result.changeIds(finding.changeIds()).siteIds(finding.siteIds());
        }
        return result;
    }
}
