package uk.dmadvisor.dmn.compiled;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.kie.dmn.model.api.BuiltinAggregator;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.ItemDefinition;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;

/** A decision table compiled to rows of matchers, applying the table's hit policy as the DMN specification sets it. */
final class TableDecision implements CompiledModel.CompiledDecision {

    private record Row(String id, Matchers.Matcher[] tests, Feel.Expression[] outputs) {
    }

    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"|-?\\d+(\\.\\d+)?|true|false|null");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final String name;
    private final int slot;
    private final HitPolicy hitPolicy;
    private final BuiltinAggregator aggregation;
    private final Feel.Expression[] inputs;
    private final Row[] rows;
    private final String[] outputNames;
    private final Feel.Expression[] defaults;
    /** For PRIORITY and OUTPUT ORDER: each output's values, most important first. */
    private final List<List<String>> priorities;

    private TableDecision(String name, int slot, HitPolicy hitPolicy, BuiltinAggregator aggregation,
                          Feel.Expression[] inputs, Row[] rows, String[] outputNames, Feel.Expression[] defaults,
                          List<List<String>> priorities) {
        this.name = name;
        this.slot = slot;
        this.hitPolicy = hitPolicy;
        this.aggregation = aggregation;
        this.inputs = inputs;
        this.rows = rows;
        this.outputNames = outputNames;
        this.defaults = defaults;
        this.priorities = priorities;
    }

    static TableDecision compile(Decision decision, DecisionTable table, int slot,
                                 Function<String, Feel.Expression> operands, Feel feel, Map<String, ItemDefinition> items) {
        Feel.Expression[] inputs = table.getInput().stream()
                .map(input -> operands.apply(input.getInputExpression().getText()))
                .toArray(Feel.Expression[]::new);
        List<Row> rows = new ArrayList<>();
        for (DecisionRule rule : table.getRule()) {
            Matchers.Matcher[] tests = rule.getInputEntry().stream()
                    .map(entry -> Matchers.compile(entry.getText(), feel)).toArray(Matchers.Matcher[]::new);
            Feel.Expression[] outputs = rule.getOutputEntry().stream()
                    .map(entry -> output(entry.getText(), feel)).toArray(Feel.Expression[]::new);
            rows.add(new Row(rule.getId(), tests, outputs));
        }
        List<OutputClause> clauses = table.getOutput();
        String[] outputNames = clauses.stream().map(OutputClause::getName).toArray(String[]::new);
        Feel.Expression[] defaults = clauses.stream().map(OutputClause::getDefaultOutputEntry)
                .map(entry -> entry == null ? null : output(entry.getText(), feel)).toArray(Feel.Expression[]::new);
        List<List<String>> priorities = new ArrayList<>();
        for (OutputClause clause : clauses) {
            priorities.add(priority(clause, decision, items, clauses.size() == 1));
        }
        return new TableDecision(decision.getName(), slot, table.getHitPolicy(), table.getAggregation(), inputs,
                rows.toArray(Row[]::new), outputNames, defaults, priorities);
    }

    private static Feel.Expression output(String text, Feel feel) {
        String entry = text.trim();
        if (LITERAL.matcher(entry).matches()) {
            Object value = feel.literal(entry);
            return frame -> value;
        }
        return feel.expression(entry);
    }

    /** An output's values in priority order: its output values, else the allowed values of its (or the decision's) type. */
    private static List<String> priority(OutputClause clause, Decision decision, Map<String, ItemDefinition> items,
                                         boolean single) {
        UnaryTests outputValues = clause.getOutputValues();
        if (outputValues != null && outputValues.getText() != null) {
            return quoted(outputValues.getText());
        }
        String typeRef = clause.getTypeRef() != null ? clause.getTypeRef().getLocalPart()
                : single && decision.getVariable() != null && decision.getVariable().getTypeRef() != null
                ? decision.getVariable().getTypeRef().getLocalPart() : null;
        for (int depth = 0; typeRef != null && depth < 8; depth++) {
            ItemDefinition item = items.get(typeRef);
            if (item == null) {
                break;
            }
            if (item.getAllowedValues() != null) {
                return quoted(item.getAllowedValues().getText());
            }
            typeRef = item.getTypeRef() == null ? null : item.getTypeRef().getLocalPart();
        }
        return List.of();
    }

    private static List<String> quoted(String text) {
        List<String> values = new ArrayList<>();
        var matcher = QUOTED.matcher(text);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int slot() {
        return slot;
    }

    /** The values the table's input expressions take in a frame. */
    Object[] inputValues(Frame frame) {
        Object[] actual = new Object[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            actual[i] = inputs[i].evaluate(frame);
        }
        return actual;
    }

    /** Whether one entry of one row holds for a value. */
    boolean holds(int row, int input, Object actual, Frame frame) {
        return rows[row].tests()[input].matches(actual, frame);
    }

    @Override
    public Object evaluate(Frame frame, List<String> matched) {
        Object[] actual = inputValues(frame);
        List<Row> hits = new ArrayList<>(2);
        for (Row row : rows) {
            if (matches(row, actual, frame)) {
                hits.add(row);
                matched.add(row.id());
            }
        }
        if (hits.isEmpty()) {
            return noMatch(frame);
        }
        return switch (hitPolicy) {
            case UNIQUE -> {
                if (hits.size() > 1) {
                    throw failure("UNIQUE hit policy decision table '" + name + "' matched more than one rule: " + matched);
                }
                yield output(hits.get(0), frame);
            }
            case FIRST -> output(hits.get(0), frame);
            case ANY -> {
                Object first = output(hits.get(0), frame);
                for (Row hit : hits) {
                    if (!Objects.equals(first, output(hit, frame))) {
                        throw failure("ANY hit policy decision table '" + name + "' matched rules with different outputs: "
                                + matched);
                    }
                }
                yield first;
            }
            case PRIORITY -> output(byPriority(hits, frame).get(0), frame);
            case OUTPUT_ORDER -> byPriority(hits, frame).stream().map(r -> output(r, frame)).toList();
            case RULE_ORDER -> hits.stream().map(r -> output(r, frame)).toList();
            case COLLECT -> collect(hits, frame);
        };
    }

    private static boolean matches(Row row, Object[] actual, Frame frame) {
        Matchers.Matcher[] tests = row.tests();
        for (int i = 0; i < tests.length; i++) {
            if (!tests[i].matches(actual[i], frame)) {
                return false;
            }
        }
        return true;
    }

    private Object noMatch(Frame frame) {
        boolean anyDefault = false;
        for (Feel.Expression entry : defaults) {
            anyDefault |= entry != null;
        }
        if (!anyDefault) {
            if (hitPolicy == HitPolicy.COLLECT) {
                // As the engine answers: a count of nothing is 0, an unaggregated collection of nothing is an empty list.
                return aggregation == BuiltinAggregator.COUNT ? BigDecimal.ZERO : aggregation == null ? List.of() : null;
            }
            return null;
        }
        if (defaults.length == 1) {
            return defaults[0].evaluate(frame);
        }
        Map<String, Object> structure = new LinkedHashMap<>();
        for (int i = 0; i < defaults.length; i++) {
            structure.put(outputNames[i], defaults[i] == null ? null : defaults[i].evaluate(frame));
        }
        return structure;
    }

    private Object output(Row row, Frame frame) {
        if (row.outputs().length == 1) {
            return row.outputs()[0].evaluate(frame);
        }
        Map<String, Object> structure = new LinkedHashMap<>();
        for (int i = 0; i < row.outputs().length; i++) {
            structure.put(outputNames[i], row.outputs()[i].evaluate(frame));
        }
        return structure;
    }

    private List<Row> byPriority(List<Row> hits, Frame frame) {
        Map<Row, int[]> ranks = new HashMap<>();
        for (Row hit : hits) {
            int[] rank = new int[hit.outputs().length];
            for (int i = 0; i < rank.length; i++) {
                int index = priorities.get(i).indexOf(String.valueOf(hit.outputs()[i].evaluate(frame)));
                rank[i] = index < 0 ? Integer.MAX_VALUE : index;
            }
            ranks.put(hit, rank);
        }
        List<Row> sorted = new ArrayList<>(hits);
        sorted.sort((a, b) -> Arrays.compare(ranks.get(a), ranks.get(b)));
        return sorted;
    }

    private Object collect(List<Row> hits, Frame frame) {
        List<Object> values = new ArrayList<>(hits.size());
        for (Row hit : hits) {
            values.add(output(hit, frame));
        }
        if (aggregation == null) {
            return values;
        }
        return switch (aggregation) {
            case COUNT -> new BigDecimal(values.size());
            case SUM -> values.stream().map(BigDecimal.class::cast).reduce(BigDecimal.ZERO, BigDecimal::add);
            case MIN -> values.stream().map(BigDecimal.class::cast).min(BigDecimal::compareTo).orElse(null);
            case MAX -> values.stream().map(BigDecimal.class::cast).max(BigDecimal::compareTo).orElse(null);
        };
    }

    private CompiledModel.EvaluationFailure failure(String message) {
        return new CompiledModel.EvaluationFailure(List.of(message));
    }

}
