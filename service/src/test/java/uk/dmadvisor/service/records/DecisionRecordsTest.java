package uk.dmadvisor.service.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.dmn.ContentHash;
import uk.dmadvisor.service.ServiceClient;
import uk.dmadvisor.service.models.LegacyCanonicalJson;
import uk.dmadvisor.service.models.Sealer;

/**
 * A kept answer verifies as intact and reproduced; a changed one as tampered; an old one names the changed models.
 * Signatures are checked here with Nimbus against the published JWKS only, as a third party would; records signed
 * with a retired key, and records sealed the old way (HMAC), still verify.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dm-advisor.signing.private-key=classpath:signing/test-key.jwk",
        "dm-advisor.signing.previous-keys=classpath:signing/previous-keys.jwks",
        "dm-advisor.signing.legacy-hmac-key=test-signing-key", "dm-advisor.signing.legacy-hmac-key-id=hmac-2025"})
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
    void anAnswerIsSealedAndSignedWithTheConfiguredKey() throws Exception {
        JsonNode seal = answer.path("seal");
        assertThat(seal.path("digestAlgorithm").asText()).isEqualTo("SHA-256");
        assertThat(seal.path("canonicalization").asText()).isEqualTo("RFC8785");
        assertThat(seal.path("signatureAlgorithm").asText()).isEqualTo("ES256");
        assertThat(seal.path("keyId").asText()).isEqualTo("test-2026");
        assertThat(seal.path("keySource").asText()).isEqualTo("CONFIGURED");
        assertThat(seal.path("jwksUri").asText()).isEqualTo("/.well-known/jwks.json");

        // The digest is the SHA-256 of the RFC 8785 form of the answer without its seal, computed independently.
        ObjectNode content = answer.deepCopy();
        content.remove("seal");
        String digest = ContentHash.sha256(new JsonCanonicalizer(content.toString()).getEncodedUTF8());
        assertThat(seal.path("digest").asText()).isEqualTo(digest);

        // The JWS verifies against the published JWKS and names that digest and the request's hash.
        JWKSet jwks = JWKSet.parse(client.get("/.well-known/jwks.json").body());
        JWSObject jws = JWSObject.parse(seal.path("signature").asText());
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.verify(new ECDSAVerifier(jwks.getKeyByKeyId(jws.getHeader().getKeyID()).toECKey()))).isTrue();
        JsonNode payload = json.readTree(jws.getPayload().toBytes());
        assertThat(payload.path("digest").asText()).isEqualTo(digest);
        assertThat(payload.path("requestSha256").asText()).isEqualTo(answer.at("/provenance/requestSha256").asText());
    }

    @Test
    void theJwksPublishesTheCurrentAndTheRetiredPublicKeysOnly() throws Exception {
        HttpResponse<String> response = client.get("/.well-known/jwks.json");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/jwk-set+json");
        JWKSet jwks = JWKSet.parse(response.body());
        assertThat(jwks.getKeys()).extracting(JWK::getKeyID).containsExactly("test-2026", "test-2025");
        assertThat(jwks.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(response.body()).doesNotContain("\"d\"");
    }

    @Test
    void aRecordSignedWithARetiredKeyStillVerifies() throws Exception {
        answer.set("seal", sealWith(ECKey.parse(client.text("signing/retired-key.jwk"))));
        JsonNode verification = verify("DESIGNATION", request, answer);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/integrity/signature").asText()).isEqualTo("VALID");
    }

    @Test
    void aRecordSignedWithAKeyTheServiceNeverPublishedCannotBeChecked() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        answer.set("seal", sealWith(stranger));
        JsonNode verification = verify("DESIGNATION", request, answer);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/integrity/signature").asText()).isEqualTo("KEY_UNAVAILABLE");
    }

    @Test
    void aSignatureMovedToAnotherAnswerIsInvalid() throws Exception {
        JsonNode other = client.postOk(DESIGNATION, client.resource("o15-tracer-request.json"));
        ObjectNode seal = (ObjectNode) answer.path("seal");
        seal.put("signature", other.at("/seal/signature").asText());
        JsonNode verification = verify("DESIGNATION", request, answer);
        assertThat(verification.at("/integrity/status").asText()).isEqualTo("TAMPERED");
        assertThat(verification.at("/integrity/signature").asText()).isEqualTo("INVALID");
    }

    @Test
    void aRecordSealedTheOldWayStillVerifies() throws Exception {
        // Before JWS signing: request hash and digest over keys-sorted JSON as Jackson wrote it, HMAC-SHA256 signature.
        JsonNode typedRequest = json.valueToTree(json.treeToValue(request, DesignationAssessmentRequest.class));
        ((ObjectNode) answer.path("provenance")).put("requestSha256", LegacyCanonicalJson.sha256(typedRequest));
        answer.remove("seal");
        byte[] legacy = LegacyCanonicalJson.bytes(answer);
        answer.set("seal", json.createObjectNode().put("digestAlgorithm", "SHA-256")
                .put("digest", ContentHash.sha256(legacy)).put("signatureAlgorithm", "HMAC-SHA256")
                .put("keyId", "hmac-2025")
                .put("signature", Sealer.hmac("test-signing-key".getBytes(StandardCharsets.UTF_8), legacy)));

        JsonNode verification = verify("DESIGNATION", request, answer);

        assertThat(verification.at("/integrity/status").asText()).isEqualTo("INTACT");
        assertThat(verification.at("/integrity/signature").asText()).isEqualTo("VALID");
        assertThat(verification.at("/request/status").asText()).isEqualTo("MATCHES");
        assertThat(verification.at("/reevaluation/status").asText()).isEqualTo("SAME");

        ((ObjectNode) answer.path("seal")).put("signature", Sealer.hmac("another-secret".getBytes(StandardCharsets.UTF_8), legacy));
        assertThat(verify("DESIGNATION", request, answer).at("/integrity/status").asText()).isEqualTo("TAMPERED");
    }

    @Test
    void anInvalidKeptRequestIsDescribedFieldByFieldWithoutParserMessages() throws Exception {
        ObjectNode bad = request.deepCopy();
        bad.with("product").put("productType", "ANTIBODY");
        JsonNode verification = verify("DESIGNATION", bad, answer);
        assertThat(verification.at("/request/status").asText()).isEqualTo("DIFFERS");
        assertThat(verification.at("/request/detail").asText()).contains("product.productType")
                .doesNotContain("uk.dmadvisor").doesNotContain("Exception").doesNotContain("`");
        assertThat(verification.at("/reevaluation/status").asText()).isEqualTo("NOT_REPRODUCIBLE");
    }

    /** A seal as the service makes it, but signed by the given key. */
    private JsonNode sealWith(ECKey key) throws Exception {
        ObjectNode content = answer.deepCopy();
        content.remove("seal");
        String digest = ContentHash.sha256(new JsonCanonicalizer(content.toString()).getEncodedUTF8());
        ObjectNode payload = json.createObjectNode().put("canonicalization", "RFC8785").put("digest", digest)
                .put("digestAlgorithm", "SHA-256").put("requestSha256", answer.at("/provenance/requestSha256").asText());
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new Payload(payload.toString()));
        jws.sign(new ECDSASigner(key));
        return json.createObjectNode().put("digestAlgorithm", "SHA-256").put("canonicalization", "RFC8785")
                .put("digest", digest).put("signatureAlgorithm", "ES256").put("keyId", key.getKeyID())
                .put("signature", jws.serialize());
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
