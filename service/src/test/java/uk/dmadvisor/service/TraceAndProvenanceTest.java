package uk.dmadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.service.models.CanonicalJson;

/** Every answer of both endpoints carries its trace and provenance, and names what would change it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TraceAndProvenanceTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    ServiceClient client;

    @BeforeEach
    void client() {
        client = new ServiceClient(json, port);
    }

    @Test
    void aDesignationAnswerCarriesTraceProvenanceAndTheRequestId() throws Exception {
        JsonNode request = client.resource("stable-generic-cost-only-request.json");
        HttpResponse<String> response = client.post("/api/v1/designation-assessments", request.toString(),
                "X-Request-Id", "board-2026-11-26-7");
        JsonNode answer = json.readTree(response.body());

        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("board-2026-11-26-7");
        JsonNode provenance = answer.path("provenance");
        assertThat(provenance.path("requestId").asText()).isEqualTo("board-2026-11-26-7");
        assertThat(provenance.path("requestSha256").asText()).isEqualTo(
                CanonicalJson.sha256(request));
        assertThat(Duration.between(OffsetDateTime.parse(provenance.path("evaluatedAt").asText()), OffsetDateTime.now()))
                .isLessThan(Duration.ofMinutes(1));
        assertThat(provenance.path("models").findValuesAsText("file")).contains("designation.dmn", "change-control.dmn");
        JsonNode trace = answer.path("trace");
        assertThat(trace.path("evaluations")).hasSize(1);
        assertThat(trace.at("/evaluations/0/model").asText()).isEqualTo("designation");
        assertThat(trace.at("/evaluations/0/decisions").findValuesAsText("ruleId")).contains("JUS-02", "REC-03");
        assertThat(trace.path("rulesFired")).isEmpty();
        assertThat(trace.path("engineMessages")).isEmpty();
    }

    @Test
    void aCostOnlyJustificationNamesWhatWouldMakeItAcceptable() throws Exception {
        JsonNode answer = client.postOk("/api/v1/designation-assessments", client.resource("stable-generic-cost-only-request.json"));
        JsonNode justification = alternative(answer, "Clinical-benefit justification");
        assertThat(justification.path("outcome").asText()).isEqualTo("REJECTED_COST_ONLY");
        assertThat(justification.path("nearestRows").findValuesAsText("ruleId")).containsExactly("JUS-10", "JUS-08", "JUS-07");
        assertThat(justification.at("/nearestRows/1/unmetConditions").findValuesAsText("input"))
                .containsExactly("Access benefit");
        JsonNode pocTest = alternative(answer, "POC shelf life ground");
        assertThat(pocTest.at("/nearestRows/0/unmetConditions/0/required").asText()).isEqualTo("< 1");
        assertThat(pocTest.at("/nearestRows/0/unmetConditions/0/actual").asText()).isEqualTo("1095");
        assertThat(pocTest.at("/nearestRows/1/unmetConditions/0/actual").asText()).isEqualTo("547.5");
    }

    @Test
    void aChangeAnswerCarriesOneEvaluationPerChangeAndTheFiredRules() throws Exception {
        JsonNode request = client.resource("network-changes-request.json");
        HttpResponse<String> response = client.post("/api/v1/change-assessments", request.toString());
        JsonNode answer = json.readTree(response.body());

        String generated = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(answer.at("/provenance/requestId").asText()).isEqualTo(generated);
        assertThat(answer.at("/provenance/requestSha256").asText()).isEqualTo(
                CanonicalJson.sha256(request));
        JsonNode trace = answer.path("trace");
        assertThat(trace.path("evaluations").findValuesAsText("subject"))
                .containsExactly("CC-2026-010", "CC-2026-011", "CC-2026-012", "CC-2026-013", "CC-2026-014");
        assertThat(trace.path("rulesFired").findValuesAsText("ruleId"))
                .contains("CC-AGG-01", "CC-DIV-01", "CC-SUS-01", "CC-GRP-01");
        assertThat(trace.path("rulesFired").findValuesAsText("citation")).allMatch(c -> !c.isBlank());
    }

    @Test
    void problemDetailsNameTheRequestId() throws Exception {
        HttpResponse<String> response = client.post("/api/v1/designation-assessments", "{", "X-Request-Id", "bad-1");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("requestId").asText()).isEqualTo("bad-1");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("bad-1");
    }

    @Test
    void anUnusableRequestIdIsReplaced() throws Exception {
        HttpResponse<String> response = client.post("/api/v1/designation-assessments",
                client.resource("stable-generic-cost-only-request.json").toString(), "X-Request-Id", "<script>");
        assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    private static JsonNode alternative(JsonNode answer, String decision) {
        List<JsonNode> matches = answer.path("alternatives").findParents("decision").stream()
                .filter(a -> a.path("decision").asText().equals(decision)).toList();
        assertThat(matches).as("alternatives for %s", decision).hasSize(1);
        return matches.get(0);
    }
}
