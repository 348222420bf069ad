package uk.dmadvisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code view=COMPACT} returns the full answer less its trace, decisions and alternatives, sealed over what it
 * returns, and a record of it verifies and re-evaluates like a full one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompactViewTest {

    private static final String DESIGNATION = "/api/v1/designation-assessments";
    private static final String CHANGES = "/api/v1/change-assessments";

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
    void aCompactDesignationAnswerIsTheFullOneWithoutTraceDecisionsAndAlternatives() throws Exception {
        JsonNode request = client.resource("stable-generic-cost-only-request.json");
        ObjectNode full = (ObjectNode) client.postOk(DESIGNATION, request);
        ObjectNode compact = (ObjectNode) client.postOk(DESIGNATION + "?view=COMPACT", request);

        assertThat(full.path("alternatives")).isNotEmpty();
        assertThat(compact.has("trace")).isFalse();
        assertThat(compact.has("alternatives")).isFalse();
        assertThat(compact.has("decisions")).isFalse();
        full.remove("trace");
        full.remove("alternatives");
        full.remove("decisions");
        assertThat(withoutPerCallFields(compact)).isEqualTo(withoutPerCallFields(full));
    }

    @Test
    void aCompactChangeAnswerLeavesOutEachChangesDecisionsAndAlternatives() throws Exception {
        JsonNode request = client.resource("network-changes-request.json");
        ObjectNode full = (ObjectNode) client.postOk(CHANGES + "?view=FULL", request);
        ObjectNode compact = (ObjectNode) client.postOk(CHANGES + "?view=COMPACT", request);

        assertThat(full.path("changes").findValues("alternatives")).hasSize(full.path("changes").size());
        assertThat(compact.findValues("alternatives")).isEmpty();
        assertThat(compact.findValues("decisions")).isEmpty();
        assertThat(compact.has("trace")).isFalse();
        assertThat(compact.toString().length()).isLessThan(full.toString().length() / 2);
        full.remove("trace");
        full.path("changes").forEach(change -> ((ObjectNode) change).remove(List.of("alternatives", "decisions")));
        assertThat(withoutPerCallFields(compact)).isEqualTo(withoutPerCallFields(full));
    }

    @Test
    void aCompactRecordVerifiesAndReevaluatesAsCompact() throws Exception {
        JsonNode request = client.resource("network-changes-request.json");
        JsonNode compact = client.postOk(CHANGES + "?view=COMPACT", request);
        ObjectNode record = json.createObjectNode().put("kind", "CHANGE_CONTROL");
        record.set("request", request);
        record.set("response", compact);

        JsonNode verification = client.postOk("/api/v1/decision-records/verifications", record);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/request/status").asText()).isEqualTo("MATCHES");
        assertThat(verification.at("/reevaluation/status").asText()).isEqualTo("SAME");
    }

    @Test
    void anUnknownViewIsA400ListingTheAcceptedValues() throws Exception {
        HttpResponse<String> response = client.post(DESIGNATION + "?view=compact",
                client.resource("stable-generic-cost-only-request.json").toString());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("view");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("unknown value \"compact\"");
        assertThat(problem.at("/errors/0/acceptedValues")).extracting(JsonNode::asText).containsExactly("FULL", "COMPACT");
    }

    private static JsonNode withoutPerCallFields(ObjectNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("seal");
        ObjectNode provenance = (ObjectNode) copy.path("provenance");
        provenance.remove("requestId");
        provenance.remove("evaluatedAt");
        return copy;
    }
}
