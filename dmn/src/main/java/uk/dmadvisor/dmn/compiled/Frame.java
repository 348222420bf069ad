package uk.dmadvisor.dmn.compiled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.lang.EvaluationContext;

/**
 * The values of one evaluation: one slot per input and decision, filled as the decisions are evaluated. A FEEL
 * context is built only if an entry needs the FEEL engine, and then kept in step with the slots.
 */
final class Frame {

    private final String[] names;
    private final Object[] values;
    private final boolean[] set;
    private EvaluationContext feelContext;
    private final List<String> errors = new ArrayList<>(0);

    Frame(String[] names) {
        this.names = names;
        this.values = new Object[names.length];
        this.set = new boolean[names.length];
    }

    Object get(int slot) {
        return values[slot];
    }

    void set(int slot, Object value) {
        values[slot] = value;
        set[slot] = true;
        if (feelContext != null) {
            feelContext.setValue(names[slot], value);
        }
    }

    /** The FEEL context of this evaluation, with every value set so far; its errors are collected here. */
    EvaluationContext feelContext(Feel feel) {
        if (feelContext == null) {
            Map<String, Object> variables = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (set[i]) {
                    variables.put(names[i], values[i]);
                }
            }
            feelContext = feel.newContext(variables, event -> {
                if (event.getSeverity() == FEELEvent.Severity.ERROR) {
                    errors.add(event.getMessage());
                }
            });
        }
        return feelContext;
    }

    List<String> errors() {
        return errors;
    }
}
