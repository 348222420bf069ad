package uk.dmadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.dmn.DecisionModels;

/** What the running service offers besides assessments: its contract, its docs page and its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceSurfaceTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    DecisionModels models;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                BodyHandlers.ofString());
    }

    @Test
    void servesTheContractItImplements() throws Exception {
        HttpResponse<String> spec = get("/openapi.yaml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(spec.body()).contains("/api/v1/designation-assessments");
    }

    @Test
    void servesSwaggerUiFromLocalAssets() throws Exception {
        HttpResponse<String> page = get("/docs/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/swagger-ui/swagger-ui-bundle.js");
        assertThat(get("/webjars/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get("/docs/init.js").body()).contains("/openapi.yaml");
    }

    @Test
    void isReadyOnlyWithItsModelsCompiledAndSaysWhichOnes() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(readiness.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("models").path("details").path("designation.dmn").asText())
                .endsWith(models.source("designation").sha256());
    }
}
