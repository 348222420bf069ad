package uk.dmadvisor.dmn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompiledExpression;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.EvaluationContext;
import org.kie.dmn.feel.lang.impl.FEELImpl;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.runtime.UnaryTest;

/**
 * What would change an answer: for every decision whose outcome is not one its table marks favourable, the rows
 * of the same table that give a favourable outcome and need the fewest changes to the facts, with the conditions
 * the facts do not meet. Computed from the tables themselves, by evaluating each row's input entries (FEEL unary
 * tests) against the values the evaluation actually used.
 */
public final class Alternatives {

    /** One condition of a row that the facts do not meet. */
    public record Unmet(String input, String required, String actual) {
    }

    public record NearRow(RuleRow row, List<Unmet> unmet) {
    }

    public record Alternative(String decisionName, String outcome, List<NearRow> nearest) {
    }

    private static final int MOST_SHOWN = 3;

    private final FEELImpl feel = (FEELImpl) FEEL.newInstance(Alternatives.class.getClassLoader(), List.of());
    private final Map<String, CompiledExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, List<UnaryTest>> unaryTests = new ConcurrentHashMap<>();

    List<Alternative> of(List<DecisionTableView> tables, ModelEvaluation evaluation, Map<String, Object> inputs) {
        Map<String, Object> context = new HashMap<>(inputs);
        evaluation.decisions().forEach(d -> context.put(d.decisionName(), d.value()));
        List<Alternative> alternatives = new ArrayList<>();
        for (DecisionTableView table : tables) {
            if (table.favourable().isEmpty()) {
                continue;
            }
            String outcome = outcome(table, context.get(table.decisionName()));
            if (table.isFavourable(outcome)) {
                continue;
            }
            List<Object> actuals = new ArrayList<>();
            for (int i = 0; i < table.inputExpressions().size(); i++) {
                actuals.add(feel.evaluate(expression(table.inputExpressions().get(i), context.keySet()), context));
            }
            List<NearRow> candidates = table.rows().stream()
                    .filter(row -> table.isFavourable(row.outcome()))
                    .map(row -> new NearRow(row, unmet(table, row, actuals)))
                    .sorted(Comparator.comparingInt((NearRow n) -> n.unmet().size()))
                    .toList();
            int fewest = candidates.isEmpty() ? 0 : candidates.get(0).unmet().size();
            alternatives.add(new Alternative(table.decisionName(), outcome, candidates.stream()
                    .filter(n -> n.unmet().size() == fewest).limit(MOST_SHOWN).toList()));
        }
        return alternatives;
    }

    private List<Unmet> unmet(DecisionTableView table, RuleRow row, List<Object> actuals) {
        List<Unmet> unmet = new ArrayList<>();
        EvaluationContext context = feel.newEvaluationContext(List.of(), Map.of());
        for (int i = 0; i < row.inputEntries().size(); i++) {
            String entry = row.inputEntries().get(i);
            if ("-".equals(entry)) {
                continue;
            }
            Object actual = actuals.get(i);
            boolean met = unaryTests.computeIfAbsent(entry, feel::evaluateUnaryTests).stream()
                    .anyMatch(test -> Boolean.TRUE.equals(test.apply(context, actual)));
            if (!met) {
                unmet.add(new Unmet(table.inputLabels().get(i), entry, text(actual)));
            }
        }
        return unmet;
    }

    private CompiledExpression expression(String text, Collection<String> variables) {
        return expressions.computeIfAbsent(text, t -> {
            CompilerContext compiler = feel.newCompilerContext();
            variables.forEach(v -> compiler.addInputVariableType(v, BuiltInType.UNKNOWN));
            return feel.compile(t, compiler);
        });
    }

    private static String outcome(DecisionTableView table, Object value) {
        if (value instanceof Map<?, ?> structure) {
            return String.valueOf(structure.get(table.outputNames().get(0)));
        }
        return String.valueOf(value);
    }

    static String text(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Alternatives::text).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
