package uk.dmadvisor.dmn.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import uk.dmadvisor.dmn.ClasspathModels;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelEvaluationException;
import uk.dmadvisor.dmn.ModelVariable;

/**
 * The compiled evaluator against the KIE engine on generated inputs: every input drawn from its declared domain
 * (allowed values, both booleans, numbers at and around every threshold the tables test, sometimes nothing), each
 * model evaluated both ways in CHECKED mode, which fails on any difference in values, matched rows or messages.
 */
class CompiledModelAgreementTest {

    private static final int CASES_PER_MODEL = 1500;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @TestFactory
    Stream<DynamicTest> compiledAndKieAgreeOnGeneratedInputs() {
        DecisionModels models = DecisionModels.fromClasspath(DecisionModels.DEFAULT_PATTERN, DecisionModels.Engine.CHECKED);
        return ClasspathModels.read(DecisionModels.DEFAULT_PATTERN).stream().map(file -> DynamicTest.dynamicTest(
                file.fileName(), () -> {
                    Map<String, ModelVariable> inputs = ModelVariable.inputs(file.content());
                    String model = models.sources().stream().filter(s -> s.fileName().equals(file.fileName()))
                            .findFirst().orElseThrow().name();
                    List<BigDecimal> numbers = numbersIn(new String(file.content(), java.nio.charset.StandardCharsets.UTF_8));
                    Random random = new Random(20261126L ^ file.fileName().hashCode());
                    int decided = 0;
                    for (int i = 0; i < CASES_PER_MODEL; i++) {
                        Map<String, Object> values = new HashMap<>();
                        inputs.values().forEach(input -> values.put(input.name(), draw(input, numbers, random)));
                        try {
                            models.evaluate(model, values);
                            decided++;
                        } catch (ModelEvaluationException bothFailed) {
                            // Both evaluators refused the case in the same way; CHECKED would have thrown otherwise.
                        }
                    }
                    assertThat(decided).as("generated cases the model decided").isGreaterThan(CASES_PER_MODEL / 10);
                }));
    }

    private static Object draw(ModelVariable input, List<BigDecimal> numbers, Random random) {
        if (random.nextInt(40) == 0) {
            return null;
        }
        if (input.collection()) {
            List<String> subset = new ArrayList<>();
            for (String value : input.allowedValues()) {
                if (random.nextInt(3) == 0) {
                    subset.add(value);
                }
            }
            return subset;
        }
        if (!input.allowedValues().isEmpty()) {
            return input.allowedValues().get(random.nextInt(input.allowedValues().size()));
        }
        return switch (input.baseType()) {
            case "boolean" -> random.nextBoolean();
            case "number" -> random.nextInt(4) == 0 ? BigDecimal.valueOf(random.nextInt(5000) + 1)
                    : numbers.get(random.nextInt(numbers.size()));
            default -> "text " + random.nextInt(10);
        };
    }

    /** Every number the model's tables mention, with neighbours on both sides and small multiples. */
    private static List<BigDecimal> numbersIn(String model) {
        TreeSet<BigDecimal> numbers = new TreeSet<>(List.of(BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("180")));
        Matcher entry = Pattern.compile("<inputEntry[^>]*>\\s*<text>([^<]*)</text>").matcher(model);
        while (entry.find()) {
            Matcher number = NUMBER.matcher(entry.group(1));
            while (number.find()) {
                BigDecimal n = new BigDecimal(number.group());
                numbers.addAll(List.of(n, n.add(new BigDecimal("0.01")), n.subtract(new BigDecimal("0.01")),
                        n.multiply(BigDecimal.TEN), n.multiply(new BigDecimal("60"))));
            }
        }
        numbers.removeIf(n -> n.signum() <= 0);
        return new ArrayList<>(numbers);
    }
}
