package uk.dmadvisor.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every response, whatever produced it (a page, the API, a static file, an error from Spring MVC, a filter or the
 * container), carries the security headers; the pages need nothing the Content-Security-Policy forbids; and with
 * the default settings the API needs no key and answers no cross-origin request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dm-advisor.max-request-bytes=65536")
class SecurityHeadersTest {

    private static final String DESIGNATION = "/api/v1/designation-assessments";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        return http.send(request.build(), BodyHandlers.ofString());
    }

    static Stream<Arguments> everyKindOfResponse() {
        return Stream.of(
                Arguments.of("GET", "/", null, null, 200),
                Arguments.of("GET", "/docs/index.html", null, null, 200),
                Arguments.of("GET", "/docs/init.js", null, null, 200),
                Arguments.of("GET", "/css/pages.css", null, null, 200),
                Arguments.of("GET", "/assess/designation", null, null, 200),
                Arguments.of("GET", "/models", null, null, 200),
                Arguments.of("GET", "/models/designation.dmn", null, null, 200),
                Arguments.of("GET", "/openapi.yaml", null, null, 200),
                Arguments.of("GET", "/api/v1/models", null, null, 200),
                Arguments.of("GET", "/.well-known/jwks.json", null, null, 200),
                Arguments.of("GET", "/actuator/health/readiness", null, null, 200),
                Arguments.of("GET", "/api/v1/nothing", null, null, 404),
                Arguments.of("GET", "/nothing.html", null, null, 404),
                Arguments.of("DELETE", DESIGNATION, null, null, 405),
                Arguments.of("POST", DESIGNATION, "application/json", "{", 400),
                Arguments.of("POST", DESIGNATION, "text/plain", "hello", 415),
                Arguments.of("POST", DESIGNATION, "application/json", "\"" + "x".repeat(70_000) + "\"", 413));
    }

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @MethodSource("everyKindOfResponse")
    void everyResponseCarriesTheSecurityHeaders(String method, String path, String contentType, String body, int status)
            throws Exception {
        HttpResponse<String> response = send(method, path, contentType, body);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'").contains("script-src 'self'").contains("style-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void thePagesUseNoInlineScriptOrStyle() throws Exception {
        for (String page : List.of("/", "/docs/index.html", "/models", "/models/designation.dmn",
                "/models/change-control.drl")) {
            String html = send("GET", page, null, null).body();
            assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline script in %s", page).isFalse();
            assertThat(INLINE_STYLE.matcher(html).find()).as("inline style or handler in %s", page).isFalse();
        }
    }

    @Test
    void withoutConfiguredKeysTheApiIsOpen() throws Exception {
        assertThat(send("GET", "/api/v1/models", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutConfiguredOriginsNoCrossOriginRequestIsAllowed() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DESIGNATION))
                .method("OPTIONS", BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").build(), BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> simple = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/models"))
                .header("Origin", "https://elsewhere.example").build(), BodyHandlers.ofString());
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
