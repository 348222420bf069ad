package uk.dmadvisor.service.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import uk.dmadvisor.service.DmAdvisorProperties;
import uk.dmadvisor.service.models.RequestIds;
import uk.dmadvisor.service.problems.RequestProblems;

/**
 * When API keys are configured, every request to {@code /api/**} must carry one of them in {@code X-API-Key}; off
 * when none is (local use). Keys are compared as SHA-256 digests with a constant-time comparison, so neither the
 * content nor the length of a key can be learnt from response times.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ApiKeys extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> accepted;
    private final ObjectMapper json;
    private final Counter rejected;

    ApiKeys(DmAdvisorProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.accepted = properties.security().apiKeys().stream().filter(k -> !k.isBlank()).map(ApiKeys::digest).toList();
        this.json = json;
        this.rejected = Counter.builder("dmadvisor.api.key.rejections")
                .description("Requests to /api/** refused for a missing or unknown API key").register(meters);
        if (accepted.isEmpty()) {
            log.info("No API keys are configured: /api/** is open (set dm-advisor.security.api-keys to require one)");
        } else {
            log.info("/api/** requires one of {} API key(s) in the {} header", accepted.size(), HEADER);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Preflight requests carry no credentials by design; CORS decides them.
        return accepted.isEmpty() || !request.getRequestURI().startsWith("/api/")
                || HttpMethod.OPTIONS.matches(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        if (sent != null && isAccepted(digest(sent))) {
            chain.doFilter(request, response);
            return;
        }
        rejected.increment();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Send a valid API key in the " + HEADER + " header.");
        problem.setType(URI.create(RequestProblems.TYPE_BASE + "unauthorized"));
        problem.setTitle("API key required");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("requestId", RequestIds.of(request));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Checks every configured key, whatever matches, so the time taken does not depend on which one did. */
    private boolean isAccepted(byte[] sent) {
        boolean match = false;
        for (byte[] key : accepted) {
            match |= MessageDigest.isEqual(key, sent);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
