package uk.dmadvisor.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.service.ServiceClient;

/** With API keys configured, /api/** needs one of them; pages, probes and the JWKS do not; CORS opens to the listed origins only. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dm-advisor.security.api-keys=first-key-0123456789,second-key-9876543210",
        "dm-advisor.security.cors-allowed-origins=https://qms.example.org"})
class ApiKeysTest {

    private static final String DESIGNATION = "/api/v1/designation-assessments";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private HttpResponse<String> assess(String... headers) throws Exception {
        ServiceClient client = new ServiceClient(json, port);
        return client.post(DESIGNATION, client.resource("o15-tracer-request.json").toString(), headers);
    }

    @Test
    void aRequestWithoutAKeyIs401ProblemDetails() throws Exception {
        HttpResponse<String> response = assess("X-Request-Id", "no-key-1");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("X-API-Key");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://dmadvisor.uk/problems/unauthorized");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("requestId").asText()).isEqualTo("no-key-1");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aWrongKeyIsRefusedAndEitherConfiguredKeyIsAccepted() throws Exception {
        assertThat(assess("X-API-Key", "first-key-012345678").statusCode()).isEqualTo(401);
        assertThat(assess("X-API-Key", "first-key-01234567890").statusCode()).isEqualTo(401);
        assertThat(assess("X-API-Key", "").statusCode()).isEqualTo(401);
        assertThat(assess("X-API-Key", "first-key-0123456789").statusCode()).isEqualTo(200);
        assertThat(assess("X-API-Key", "second-key-9876543210").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesProbesAndTheJwksNeedNoKey() throws Exception {
        for (String path : List.of("/", "/models", "/docs/index.html", "/openapi.yaml", "/.well-known/jwks.json",
                "/actuator/health/readiness", "/actuator/health/liveness", "/actuator/prometheus")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> catalogue = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/models")).build(), BodyHandlers.ofString());
        assertThat(catalogue.statusCode()).isEqualTo(401);
    }

    @Test
    void corsIsOpenToTheConfiguredOriginOnly() throws Exception {
        assertThat(preflight("https://qms.example.org").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://qms.example.org");
        assertThat(preflight("https://elsewhere.example").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DESIGNATION))
                .method("OPTIONS", BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key").build(), BodyHandlers.ofString());
    }
}
