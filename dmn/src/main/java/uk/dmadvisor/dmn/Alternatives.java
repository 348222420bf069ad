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

    /**
     * How a table's inputs and entries are tested: with the engine's FEEL ({@link FeelTester}), or with the
     * compiled tables when the models are evaluated compiled (the same matchers that decided the case).
     */
    public interface Tester {
        /** The values a table's input expressions take, given every input and decision value of an evaluation. */
        Object[] actualInputs(DecisionTableView table, Map<String, Object> values);

        /** Whether one input entry of one row (by position in its table) holds for an actual value. */
        boolean holds(DecisionTableView table, int row, int input, Object actual);
    }

    private static final int MOST_SHOWN = 3;

    List<Alternative> of(List<DecisionTableView> tables, ModelEvaluation evaluation, Map<String, Object> inputs,
                         Tester tester) {
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
            Object[] actuals = tester.actualInputs(table, context);
            List<NearRow> candidates = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                RuleRow row = table.rows().get(r);
                if (table.isFavourable(row.outcome())) {
                    candidates.add(new NearRow(row, unmet(table, r, actuals, tester)));
                }
            }
            candidates.sort(Comparator.comparingInt((NearRow n) -> n.unmet().size()));
            int fewest = candidates.isEmpty() ? 0 : candidates.get(0).unmet().size();
            alternatives.add(new Alternative(table.decisionName(), outcome, candidates.stream()
                    .filter(n -> n.unmet().size() == fewest).limit(MOST_SHOWN).toList()));
        }
        return alternatives;
    }

    private static List<Unmet> unmet(DecisionTableView table, int rowIndex, Object[] actuals, Tester tester) {
        RuleRow row = table.rows().get(rowIndex);
        List<Unmet> unmet = new ArrayList<>();
        for (int i = 0; i < row.inputEntries().size(); i++) {
            String entry = row.inputEntries().get(i);
            if (!"-".equals(entry) && !tester.holds(table, rowIndex, i, actuals[i])) {
                unmet.add(new Unmet(table.inputLabels().get(i), entry, text(actuals[i])));
            }
        }
        return unmet;
    }

    /** The tests done with the engine's FEEL, compiling each expression and entry once. */
    public static final class FeelTester implements Tester {

        private final FEELImpl feel = (FEELImpl) FEEL.newInstance(Alternatives.class.getClassLoader(), List.of());
        private final Map<String, CompiledExpression> expressions = new ConcurrentHashMap<>();
        private final Map<String, List<UnaryTest>> unaryTests = new ConcurrentHashMap<>();

        @Override
        public Object[] actualInputs(DecisionTableView table, Map<String, Object> values) {
            Object[] actuals = new Object[table.inputExpressions().size()];
            for (int i = 0; i < actuals.length; i++) {
                actuals[i] = feel.evaluate(expression(table.inputExpressions().get(i), values.keySet()), values);
            }
            return actuals;
        }

        @Override
        public boolean holds(DecisionTableView table, int row, int input, Object actual) {
            EvaluationContext context = feel.newEvaluationContext(List.of(), Map.of());
            return unaryTests.computeIfAbsent(table.rows().get(row).inputEntries().get(input), feel::evaluateUnaryTests)
                    .stream().anyMatch(test -> Boolean.TRUE.equals(test.apply(context, actual)));
        }

        private CompiledExpression expression(String text, Collection<String> variables) {
            return expressions.computeIfAbsent(text, t -> {
                CompilerContext compiler = feel.newCompilerContext();
                variables.forEach(v -> compiler.addInputVariableType(v, BuiltInType.UNKNOWN));
                return feel.compile(t, compiler);
            });
        }
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
