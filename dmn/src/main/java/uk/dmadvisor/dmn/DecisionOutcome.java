package uk.dmadvisor.dmn;

import java.util.List;

/** The value one decision produced and the table rows that produced it (several for a COLLECT table). */
public record DecisionOutcome(String decisionName, Object value, List<RuleRow> matchedRows) {
}
