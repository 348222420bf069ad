package uk.dmadvisor.service.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection for the pages' forms, without server-side sessions: each browser gets a random cookie
 * (HttpOnly, SameSite=Strict) and every form a hidden token, the HMAC of that cookie under a key of the service.
 * A form post to a page must carry both, matching; posts from another site can neither read the cookie nor forge
 * the token. The API ({@code /api/**}) is left alone: machine clients post JSON there without cookies or tokens.
 */
@Component
class FormProtection extends OncePerRequestFilter {

    static final String COOKIE = "dma-form";
    static final String FIELD = "_form";
    static final String TOKEN_ATTRIBUTE = FormProtection.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    FormProtection(@Value("${dm-advisor.pages.form-key:}") String configuredKey) {
        if (configuredKey.isBlank()) {
            key = new byte[32];
            RANDOM.nextBytes(key);
        } else {
            key = configuredKey.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String nonce = cookie(request);
        if (HttpMethod.POST.matches(request.getMethod())) {
            String sent = request.getParameter(FIELD);
            if (nonce == null || sent == null || !MessageDigest.isEqual(token(nonce).getBytes(StandardCharsets.US_ASCII),
                    sent.getBytes(StandardCharsets.US_ASCII))) {
                refuse(response);
                return;
            }
        }
        if (nonce == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, nonce).path("/").httpOnly(true)
                    .secure(request.isSecure()).sameSite("Strict").build().toString());
        }
        request.setAttribute(TOKEN_ATTRIBUTE, token(nonce));
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Form expired - DM Advisor</title>
                <link rel="stylesheet" href="/assets/govuk-frontend.css"><link rel="stylesheet" href="/css/pages.css"></head>
                <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">This form has expired</h1>
                <p class="govuk-body">The form was not sent from this service's own page, or the service has restarted since the
                page was loaded. Go back, reload the page and send it again; nothing you entered was lost from that page.</p>
                <p class="govuk-body"><a class="govuk-link" href="/">Go to the start</a></p></main></div></body></html>
                """);
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private String token(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
        }
    }

    /** Adds the token to every form the templates build with {@code th:action}, as Spring Security does. */
    @Component("requestDataValueProcessor")
    static class FormTokens implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String httpMethod) {
            return action;
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return value;
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Object token = request.getAttribute(TOKEN_ATTRIBUTE);
            return token == null ? Map.of() : Map.of(FIELD, token.toString());
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return url;
        }
    }
}
