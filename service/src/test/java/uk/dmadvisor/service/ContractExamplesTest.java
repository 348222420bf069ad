package uk.dmadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The examples in the contract are real: every request example is answered, and the answer example is true. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractExamplesTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    JsonNode examples;

    @BeforeEach
    void readContract() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/static/openapi.yaml")) {
            examples = new YAMLMapper().readTree(in).path("components").path("examples");
        }
    }

    private JsonNode assess(JsonNode request) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/designation-assessments"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(request.toString())).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void everyRequestExampleIsAnswered() throws Exception {
        int answered = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> example = it.next();
            if (example.getKey().endsWith("Request")) {
                assertThat(assess(example.getValue().path("value")).path("recommendation").asText()).isNotBlank();
                answered++;
            }
        }
        assertThat(answered).isEqualTo(5);
    }

    @Test
    void theAnswerExampleIsWhatTheServiceAnswers() throws Exception {
        JsonNode documented = examples.path("O15TracerAssessment").path("value");
        JsonNode actual = assess(examples.path("O15TracerRequest").path("value"));
        assertThat(actual.path("recommendation")).isEqualTo(documented.path("recommendation"));
        assertThat(actual.path("summary")).isEqualTo(documented.path("summary"));
        for (JsonNode decision : documented.path("decisions")) {
            JsonNode match = null;
            for (JsonNode candidate : actual.path("decisions")) {
                if (candidate.path("decision").equals(decision.path("decision"))) {
                    match = candidate;
                }
            }
            assertThat(match).as("decision %s", decision.path("decision")).isNotNull();
            assertThat(match.path("outcome")).isEqualTo(decision.path("outcome"));
            assertThat(match.path("reasons")).isEqualTo(decision.path("reasons"));
        }
        assertThat(actual.path("nextSteps").get(0)).isEqualTo(documented.path("nextSteps").get(0));
    }
}
