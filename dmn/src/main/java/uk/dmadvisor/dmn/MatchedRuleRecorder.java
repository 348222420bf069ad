package uk.dmadvisor.dmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * Records which decision-table rows matched. The runtime is shared by all requests while an evaluation runs
 * wholly on the calling thread, so the record is kept per thread between {@link #start()} and {@link #finish()}.
 */
final class MatchedRuleRecorder implements DMNRuntimeEventListener {

    private final ThreadLocal<Map<String, List<String>>> current = new ThreadLocal<>();

    void start() {
        current.set(new LinkedHashMap<>());
    }

    Map<String, List<String>> finish() {
        Map<String, List<String>> matched = current.get();
        current.remove();
        return matched == null ? Map.of() : matched;
    }

    @Override
    public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
        Map<String, List<String>> matched = current.get();
        if (matched != null) {
            matched.computeIfAbsent(event.getDecisionName(), k -> new ArrayList<>()).addAll(event.getMatchesIds());
        }
    }
}
