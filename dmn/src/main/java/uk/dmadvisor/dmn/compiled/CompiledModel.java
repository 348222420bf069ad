package uk.dmadvisor.dmn.compiled;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.kie.dmn.model.api.DRGElement;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.InformationRequirement;
import org.kie.dmn.model.api.InputData;
import org.kie.dmn.model.api.ItemDefinition;
import org.kie.dmn.model.api.LiteralExpression;

import uk.dmadvisor.dmn.Alternatives;
import uk.dmadvisor.dmn.DecisionTableView;

/**
 * A DMN model compiled for fast evaluation: every decision table becomes an array of rows whose input entries are
 * matchers over plain values, evaluated in dependency order over one slot per input and decision. It gives the
 * same values and the same matched rows as the KIE engine (checked case by case and on generated inputs by the
 * tests); only the tables' FEEL is shared with the engine where an entry is more than a literal or a comparison.
 * Models with boxed contexts, invocations, business knowledge models or imports are refused.
 */
public final class CompiledModel {

    /** The value of every decision, in file order, and for each decision table the ids of the rows that matched. */
    public record Result(Map<String, Object> values, Map<String, List<String>> matched) {
    }

    /** Thrown when the model cannot decide a case; the messages say why, in the engine's terms. */
    public static final class EvaluationFailure extends RuntimeException {
        private final List<String> messages;

        EvaluationFailure(List<String> messages) {
            super(String.join("; ", messages));
            this.messages = List.copyOf(messages);
        }

        public List<String> messages() {
            return messages;
        }
    }

    /** One decision of the model: how to compute its value into its slot. */
    interface CompiledDecision {
        String name();

        int slot();

        Object evaluate(Frame frame, List<String> matched);
    }

    private static final Pattern PATH = Pattern.compile("(.+)\\.([A-Za-z_][A-Za-z0-9_]*)");

    private final String modelName;
    private final String[] names;
    private final Map<String, Integer> inputs = new LinkedHashMap<>();
    private final List<CompiledDecision> evaluationOrder;
    private final Map<String, TableDecision> tables = new HashMap<>();
    private final Map<String, Integer> slotByName;
    private final List<String> decisionNames;
    private final int[] decisionSlots;

    private CompiledModel(Definitions definitions) {
        this.modelName = definitions.getName();
        if (!definitions.getImport().isEmpty() || !definitions.getDecisionService().isEmpty()) {
            throw new UnsupportedOperationException("Model " + modelName + " uses imports or decision services");
        }
        List<String> slots = new ArrayList<>();
        Map<String, String> nameById = new HashMap<>();
        List<Decision> decisions = new ArrayList<>();
        for (DRGElement element : definitions.getDrgElement()) {
            if (element instanceof InputData input) {
                inputs.put(input.getName(), slots.size());
                slots.add(input.getName());
            } else if (element instanceof Decision decision) {
                decisions.add(decision);
            } else {
                throw new UnsupportedOperationException("Model " + modelName + " has a " + element.getClass().getSimpleName()
                        + " (" + element.getName() + "); only input data and decisions are compiled");
            }
            nameById.put(element.getId(), element.getName());
        }
        Map<String, Integer> slotByName = new HashMap<>(inputs);
        for (Decision decision : decisions) {
            slotByName.put(decision.getName(), slots.size());
            slots.add(decision.getName());
        }
        this.names = slots.toArray(String[]::new);
        this.decisionNames = decisions.stream().map(Decision::getName).toList();
        this.decisionSlots = decisions.stream().mapToInt(d -> slotByName.get(d.getName())).toArray();
        Feel feel = new Feel(slots);
        Map<String, ItemDefinition> items = new HashMap<>();
        definitions.getItemDefinition().forEach(item -> items.put(item.getName(), item));
        Map<String, CompiledDecision> compiled = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            compiled.put(decision.getName(), compile(decision, slotByName, feel, items));
        }
        this.evaluationOrder = order(decisions, compiled, nameById);
        compiled.values().forEach(d -> {
            if (d instanceof TableDecision table) {
                tables.put(table.name(), table);
            }
        });
        this.slotByName = Map.copyOf(slotByName);
    }

    public static CompiledModel compile(Definitions definitions) {
        return new CompiledModel(definitions);
    }

    public Result evaluate(Map<String, ?> values) {
        Frame frame = new Frame(names);
        List<String> missing = new ArrayList<>(0);
        for (Map.Entry<String, Integer> input : inputs.entrySet()) {
            if (values.containsKey(input.getKey())) {
                frame.set(input.getValue(), coerce(values.get(input.getKey())));
            } else {
                missing.add("Required input '" + input.getKey() + "' of model " + modelName + " was not supplied");
            }
        }
        if (!missing.isEmpty()) {
            throw new EvaluationFailure(missing);
        }
        Map<String, List<String>> matched = new LinkedHashMap<>();
        for (CompiledDecision decision : evaluationOrder) {
            List<String> rows = new ArrayList<>(2);
            Object value = decision.evaluate(frame, rows);
            if (!frame.errors().isEmpty()) {
                List<String> messages = new ArrayList<>(frame.errors());
                messages.add("Decision '" + decision.name() + "' of model " + modelName + " could not be evaluated");
                throw new EvaluationFailure(messages);
            }
            frame.set(decision.slot(), value);
            if (decision instanceof TableDecision) {
                matched.put(decision.name(), rows);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (int i = 0; i < decisionSlots.length; i++) {
            results.put(decisionNames.get(i), frame.get(decisionSlots[i]));
        }
        return new Result(results, matched);
    }

    /**
     * Tests a table's rows against the values of an evaluation without evaluating anything else: for "what would
     * change the answer", with the same matchers that decided the case.
     */
    public Alternatives.Tester tester() {
        return new Alternatives.Tester() {
            private Map<String, Object> lastValues;
            private Frame frame;

            @Override
            public Object[] actualInputs(DecisionTableView view, Map<String, Object> values) {
                if (values != lastValues) {
                    frame = new Frame(names);
                    values.forEach((name, value) -> {
                        Integer slot = slotByName.get(name);
                        if (slot != null) {
                            frame.set(slot, coerce(value));
                        }
                    });
                    lastValues = values;
                }
                return table(view).inputValues(frame);
            }

            @Override
            public boolean holds(DecisionTableView view, int row, int input, Object actual) {
                return table(view).holds(row, input, actual, frame);
            }
        };
    }

    private TableDecision table(DecisionTableView view) {
        TableDecision table = tables.get(view.decisionName());
        if (table == null) {
            throw new IllegalArgumentException("Model " + modelName + " has no table " + view.decisionName());
        }
        return table;
    }

    /** Numbers enter FEEL as BigDecimal, as the engine coerces them. */
    private static Object coerce(Object value) {
        if (value instanceof BigDecimal || !(value instanceof Number number)) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return new BigDecimal(number.toString());
    }

    private CompiledDecision compile(Decision decision, Map<String, Integer> slots, Feel feel,
                                     Map<String, ItemDefinition> items) {
        int slot = slots.get(decision.getName());
        if (decision.getExpression() instanceof DecisionTable table) {
            return TableDecision.compile(decision, table, slot, operands(slots, feel), feel, items);
        }
        if (decision.getExpression() instanceof LiteralExpression literal) {
            Feel.Expression expression = feel.expression(literal.getText());
            return new LiteralDecision(decision.getName(), slot, expression);
        }
        throw new UnsupportedOperationException("Decision " + decision.getName() + " of model " + modelName
                + " is neither a decision table nor a literal expression");
    }

    /** Reads an input expression: a plain name or a name's component is read from its slot, anything else is FEEL. */
    private static Function<String, Feel.Expression> operands(Map<String, Integer> slots, Feel feel) {
        return text -> {
            String expression = text.trim();
            Integer slot = slots.get(expression);
            if (slot != null) {
                return frame -> frame.get(slot);
            }
            var path = PATH.matcher(expression);
            if (path.matches() && slots.containsKey(path.group(1).trim())) {
                int owner = slots.get(path.group(1).trim());
                String component = path.group(2);
                return frame -> frame.get(owner) instanceof Map<?, ?> structure ? structure.get(component) : null;
            }
            return feel.expression(expression);
        };
    }

    private List<CompiledDecision> order(List<Decision> decisions, Map<String, CompiledDecision> compiled,
                                         Map<String, String> nameById) {
        List<CompiledDecision> ordered = new ArrayList<>();
        Map<String, Boolean> state = new HashMap<>();
        Map<String, Decision> byName = new HashMap<>();
        decisions.forEach(d -> byName.put(d.getName(), d));
        for (Decision decision : decisions) {
            visit(decision, byName, compiled, nameById, state, ordered);
        }
        return List.copyOf(ordered);
    }

    private void visit(Decision decision, Map<String, Decision> byName, Map<String, CompiledDecision> compiled,
                       Map<String, String> nameById, Map<String, Boolean> state, List<CompiledDecision> ordered) {
        Boolean done = state.get(decision.getName());
        if (Boolean.TRUE.equals(done)) {
            return;
        }
        if (Boolean.FALSE.equals(done)) {
            throw new IllegalStateException("Model " + modelName + " has a cycle through " + decision.getName());
        }
        state.put(decision.getName(), false);
        for (InformationRequirement requirement : decision.getInformationRequirement()) {
            if (requirement.getRequiredDecision() != null) {
                String required = nameById.get(requirement.getRequiredDecision().getHref().replaceFirst("^.*#", ""));
                if (required != null && byName.containsKey(required)) {
                    visit(byName.get(required), byName, compiled, nameById, state, ordered);
                }
            }
        }
        state.put(decision.getName(), true);
        ordered.add(compiled.get(decision.getName()));
    }

    /** A decision whose value is one FEEL expression. */
    private record LiteralDecision(String name, int slot, Feel.Expression expression) implements CompiledDecision {
        @Override
        public Object evaluate(Frame frame, List<String> matched) {
            return expression.evaluate(frame);
        }
    }
}
