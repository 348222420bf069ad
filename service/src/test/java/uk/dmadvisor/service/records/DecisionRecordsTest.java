package uk.dmadvisor.service.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.service.ServiceClient;
import uk.dmadvisor.service.models.Sealer;

/** A kept answer verifies as intact and reproduced; a changed one as tampered; an old one names the changed models. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dm-advisor.signing.key=test-signing-key", "dm-advisor.signing.key-id=test-2026"})
class DecisionRecordsTest {

    private static final String DESIGNATION = "/api/v1/designation-assessments";
    private static final String VERIFY = "/api/v1/decision-records/verifications";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Sealer sealer;
    ServiceClient client;
    JsonNode request;
    ObjectNode answer;

    @BeforeEach
    void assess() throws Exception {
        client = new ServiceClient(json, port);
        request = client.resource("stable-generic-cost-only-request.json");
        answer = (ObjectNode) client.postOk(DESIGNATION, request);
    }

    private JsonNode verify(String kind, JsonNode request, JsonNode response) throws Exception {
        ObjectNode record = json.createObjectNode().put("kind", kind);
        record.set("request", request);
        record.set("response", response);
        return client.postOk(VERIFY, record);
    }

    @Test
    void anAnswerIsSealedAndSignedWithTheConfiguredKey() {
        JsonNode seal = answer.path("seal");
        assertThat(seal.path("digestAlgorithm").asText()).isEqualTo("SHA-256");
        assertThat(seal.path("digest").asText()).hasSize(64);
        assertThat(seal.path("signatureAlgorithm").asText()).isEqualTo("HMAC-SHA256");
        assertThat(seal.path("keyId").asText()).isEqualTo("test-2026");
    }

    @Test
    void aKeptRecordVerifiesAsIntactAndReproduced() throws Exception {
        JsonNode verification = verify("DESIGNATION", request, answer);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/integrity/signature").asText()).isEqualTo("VALID");
        assertThat(verification.at("/request/status").asText()).isEqualTo("MATCHES");
        assertThat(verification.at("/models/status").asText()).isEqualTo("UNCHANGED");
        assertThat(verification.at("/reevaluation/status").asText()).isEqualTo("SAME");
    }

    @Test
    void oneChangedCharacterOfTheAnswerIsTampering() throws Exception {
        String summary = answer.path("summary").asText();
        answer.put("summary", summary.substring(0, summary.length() - 1) + "!");
        JsonNode verification = verify("DESIGNATION", request, answer);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("TAMPERED");
        assertThat(verification.at("/integrity/signature").asText()).isEqualTo("INVALID");
        assertThat(verification.at("/reevaluation/status").asText()).isEqualTo("DIFFERENT");
        assertThat(verification.at("/reevaluation/differences/0/path").asText()).isEqualTo("/summary");
    }

    @Test
    void aRecordMadeBeforeAModelEditNamesTheChangedModel() throws Exception {
        ObjectNode model = (ObjectNode) answer.at("/provenance/models").findParents("file").stream()
                .filter(m -> m.path("file").asText().equals("designation.dmn")).findFirst().orElseThrow();
        String current = model.path("sha256").asText();
        model.put("sha256", "0".repeat(64));
        answer.set("seal", json.valueToTree(sealer.seal(answer)));

        JsonNode verification = verify("DESIGNATION", request, answer);

        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/models/status").asText()).isEqualTo("CHANGED");
        assertThat(verification.at("/models/changes/0/file").asText()).isEqualTo("designation.dmn");
        assertThat(verification.at("/models/changes/0/recordedSha256").asText()).isEqualTo("0".repeat(64));
        assertThat(verification.at("/models/changes/0/currentSha256").asText()).isEqualTo(current);
    }

    @Test
    void aRequestThatIsNotTheOneAnsweredIsCaught() throws Exception {
        ObjectNode other = request.deepCopy();
        other.with("pointOfCare").with("shelfLife").put("minutes", 30);
        JsonNode verification = verify("DESIGNATION", other, answer);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/request/status").asText()).isEqualTo("DIFFERS");
        assertThat(verification.at("/reevaluation/status").asText()).isEqualTo("DIFFERENT");
    }

    @Test
    void aChangeAssessmentRecordVerifiesToo() throws Exception {
        JsonNode changeRequest = client.resource("network-changes-request.json");
        JsonNode changeAnswer = client.postOk("/api/v1/change-assessments", changeRequest);
        JsonNode verification = verify("CHANGE_CONTROL", changeRequest, changeAnswer);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/request/status").asText()).isEqualTo("MATCHES");
        assertThat(verification.at("/reevaluation/status").asText()).isEqualTo("SAME");
    }

    @Test
    void aRecordWithoutASealCannotBeShownIntact() throws Exception {
        answer.remove("seal");
        assertThat(verify("DESIGNATION", request, answer).at("/integrity/status").asText()).isEqualTo("TAMPERED");
    }
}
