package uk.dmadvisor.dmn;

import java.util.List;
import java.util.Set;

/**
 * A decision table of a model: its inputs (label and FEEL expression), outputs, hit policy and rows, and the
 * outcomes the model marks as favourable ({@code dma:favourable}), against which "what would change the answer"
 * is computed.
 */
public record DecisionTableView(String modelName, String decisionName, String hitPolicy, List<String> inputLabels,
                                List<String> inputExpressions, List<String> outputNames, Set<String> favourable,
                                List<RuleRow> rows) {

    public boolean isFavourable(String outcome) {
        return favourable.contains(outcome);
    }
}
