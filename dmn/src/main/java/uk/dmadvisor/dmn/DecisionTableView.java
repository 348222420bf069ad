package uk.dmadvisor.dmn;

import java.util.List;

/** A decision table of a model: its inputs (label and FEEL expression), hit policy and rows. */
public record DecisionTableView(String modelName, String decisionName, String hitPolicy, List<String> inputLabels,
                                List<String> inputExpressions, List<RuleRow> rows) {
}
