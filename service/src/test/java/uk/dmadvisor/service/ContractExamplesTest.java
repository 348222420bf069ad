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
import java.util.List;
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

    /** Change requests go to the change-control endpoint, the others to the designation endpoint. */
    private JsonNode assess(JsonNode request) throws Exception {
        String path = request.has("changes") ? "/api/v1/change-assessments" : "/api/v1/designation-assessments";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path))
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
                JsonNode answer = assess(example.getValue().path("value"));
                assertThat(answer.has("recommendation") || answer.has("overall")).as(example.getKey()).isTrue();
                answered++;
            }
        }
        assertThat(answered).isEqualTo(9);
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
        assertThat(actual.path("conditions")).isEqualTo(documented.path("conditions"));
        assertThat(actual.path("obligations").get(0)).isEqualTo(documented.path("obligations").get(0));
    }

    @Test
    void theChangeAnswerExampleIsWhatTheServiceAnswers() throws Exception {
        JsonNode documented = examples.path("LikeForLikeEquipmentAssessment").path("value");
        JsonNode actual = assess(examples.path("LikeForLikeEquipmentRequest").path("value"));
        assertThat(actual.path("overall")).isEqualTo(documented.path("overall"));
        JsonNode documentedChange = documented.path("changes").get(0);
        JsonNode actualChange = actual.path("changes").get(0);
        for (String field : List.of("changeId", "route", "variationCategory", "severity", "actions")) {
            assertThat(actualChange.path(field)).as(field).isEqualTo(documentedChange.path(field));
        }
        JsonNode documentedRoute = documentedChange.path("decisions").get(0);
        assertThat(actualChange.path("decisions").findParents("decision").stream()
                .filter(d -> d.path("decision").equals(documentedRoute.path("decision"))).findFirst())
                .hasValue(documentedRoute);
        for (int i = 0; i < documented.path("sites").size(); i++) {
            assertThat(actual.path("sites").get(i)).isEqualTo(documented.path("sites").get(i));
        }
        assertThat(actual.path("findings")).isEqualTo(documented.path("findings"));
        assertThat(actual.path("groupingHints")).isEqualTo(documented.path("groupingHints"));
    }
}
