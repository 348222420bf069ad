package uk.dmadvisor.service.observability;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.DesignationAssessment;
import uk.dmadvisor.api.model.RecordVerification;

/**
 * Counts and times every answer of the decision endpoints by model, route and outcome (the recommendation, the
 * overall route, or the problem status), and counts record verifications by what they found. Spring Boot's own
 * {@code http.server.requests} times every route besides; both are at {@code /actuator/prometheus}.
 */
@ControllerAdvice
public class AnswerMetrics implements ResponseBodyAdvice<Object>, HandlerInterceptor {

    public static final String ASSESSMENTS = "dmadvisor.assessments";
    public static final String VERIFICATIONS = "dmadvisor.record.verifications";
    private static final String STARTED = AnswerMetrics.class.getName() + ".started";
    /** The model behind each decision route. */
    private static final Map<String, String> MODELS = Map.of(
            "/api/v1/designation-assessments", "designation",
            "/api/v1/change-assessments", "change-control",
            "/api/v1/decision-records/verifications", "decision-records");

    private final MeterRegistry meters;

    AnswerMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(STARTED, System.nanoTime());
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest http = servlet.getServletRequest();
            String route = http.getRequestURI();
            String model = MODELS.get(route);
            Object started = http.getAttribute(STARTED);
            if (model != null) {
                String outcome = outcome(body);
                Timer.builder(ASSESSMENTS).description("Answers of the decision endpoints, by model and outcome")
                        .tag("model", model).tag("route", route).tag("outcome", outcome).register(meters)
                        .record(started instanceof Long start ? System.nanoTime() - start : 0, TimeUnit.NANOSECONDS);
                if (body instanceof RecordVerification verification) {
                    Counter.builder(VERIFICATIONS).description("Decision records checked, by what the check found")
                            .tag("integrity", verification.getIntegrity().getStatus().getValue())
                            .tag("signature", verification.getIntegrity().getSignature().getValue())
                            .tag("reevaluation", verification.getReevaluation().getStatus().getValue())
                            .register(meters).increment();
                }
            }
        }
        return body;
    }

    private static String outcome(Object body) {
        if (body instanceof DesignationAssessment designation && designation.getRecommendation() != null) {
            return designation.getRecommendation().getValue();
        }
        if (body instanceof ChangeAssessment change && change.getOverall() != null && change.getOverall().getRoute() != null) {
            return change.getOverall().getRoute().getValue();
        }
        if (body instanceof RecordVerification verification) {
            return verification.getIntegrity().getStatus().getValue();
        }
        if (body instanceof ProblemDetail problem) {
            return "PROBLEM_" + problem.getStatus();
        }
        return "OTHER";
    }
}
