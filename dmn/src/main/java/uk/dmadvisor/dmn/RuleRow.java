package uk.dmadvisor.dmn;

import java.util.List;

/**
 * One decision-table row as a reviewer reads it: its stable id, the conditions, the outcome and its annotations.
 *
 * @param inputEntries the row's input entries (unary tests), in the order of {@code inputLabels} of its table
 */
public record RuleRow(String ruleId, String modelName, String decisionName, int rowNumber, List<String> inputEntries,
                      String outputEntry, String citation, String basis, String explanation) {
}
