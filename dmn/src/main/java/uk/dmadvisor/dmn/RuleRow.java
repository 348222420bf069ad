package uk.dmadvisor.dmn;

import java.util.List;

/**
 * One decision-table row as a reviewer reads it: its stable id, the conditions, the outcome and its annotations.
 *
 * @param inputEntries  the row's input entries (unary tests), in the order of its table's inputs
 * @param outputEntries the row's output entries (FEEL literals), in the order of its table's outputs
 */
public record RuleRow(String ruleId, String modelName, String decisionName, int rowNumber, List<String> inputEntries,
                      List<String> outputEntries, String citation, String basis, String explanation) {

    /** The first output entry, which for a single-output table is the row's outcome. */
    public String outputEntry() {
        return outputEntries.get(0);
    }

    /** The first output entry without its FEEL string quotes. */
    public String outcome() {
        return outputEntry().replaceAll("^\"|\"$", "");
    }
}
