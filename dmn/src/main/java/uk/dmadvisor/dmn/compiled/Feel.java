package uk.dmadvisor.dmn.compiled;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.feel.runtime.events.FEELEventListener;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.lang.CompiledExpression;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.EvaluationContext;
import org.kie.dmn.feel.lang.Type;
import org.kie.dmn.feel.lang.impl.FEELImpl;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.runtime.UnaryTest;

/** The engine's FEEL, for the expressions and unary tests that the compiled forms do not cover, and for literals. */
final class Feel {

    /** An expression over the values of an evaluation. */
    interface Expression {
        Object evaluate(Frame frame);
    }

    private final FEELImpl feel = (FEELImpl) FEEL.newInstance(Feel.class.getClassLoader(), List.of());
    private final Collection<String> variables;

    Feel(Collection<String> variables) {
        this.variables = List.copyOf(variables);
    }

    Matchers.Matcher unaryTest(String text) {
        Map<String, Type> types = new HashMap<>();
        variables.forEach(v -> types.put(v, BuiltInType.UNKNOWN));
        List<UnaryTest> tests = feel.evaluateUnaryTests(text, types);
        if (tests == null) {
            throw new IllegalArgumentException("Not a FEEL unary test: " + text);
        }
        return (value, frame) -> {
            EvaluationContext context = frame.feelContext(this);
            for (UnaryTest test : tests) {
                if (Boolean.TRUE.equals(test.apply(context, value))) {
                    return true;
                }
            }
            return false;
        };
    }

    Expression expression(String text) {
        CompilerContext compiler = feel.newCompilerContext();
        variables.forEach(v -> compiler.addInputVariableType(v, BuiltInType.UNKNOWN));
        CompiledExpression compiled = feel.compile(text, compiler);
        if (compiled == null) {
            throw new IllegalArgumentException("Not a FEEL expression: " + text);
        }
        return frame -> feel.evaluate(compiled, frame.feelContext(this));
    }

    /** The value of a literal, exactly as the engine makes it. */
    Object literal(String text) {
        return feel.evaluate(text);
    }

    EvaluationContext newContext(Map<String, Object> variables, FEELEventListener errors) {
        return feel.newEvaluationContext(List.of(errors), variables);
    }
}
