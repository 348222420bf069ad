package uk.dmadvisor.service.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.service.ServiceClient;

/**
 * A model that fails while it evaluates (the runtime fixture's designation model adds a string to a number)
 * must give a 500 problem with a correlation id, never a success with empty values.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dm-advisor.models.dmn=classpath*:runtime-fixtures/*.dmn",
                "dm-advisor.models.questions=classpath*:runtime-fixtures/*.questions.yaml"})
class EngineFailureTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void anEngineErrorIsA500WithACorrelationId() throws Exception {
        ServiceClient client = new ServiceClient(json, port);
        HttpResponse<String> response = client.post("/api/v1/designation-assessments",
                client.resource("stable-generic-cost-only-request.json").toString(), "X-Request-Id", "failing-1");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("correlationId").asText()).matches("[0-9a-f-]{36}");
        assertThat(problem.path("requestId").asText()).isEqualTo("failing-1");
        assertThat(problem.has("recommendation")).isFalse();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("FEEL");
    }
}
