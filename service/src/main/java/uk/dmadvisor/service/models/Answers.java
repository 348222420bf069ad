package uk.dmadvisor.service.models;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.DesignationAssessment;
import uk.dmadvisor.api.model.Provenance;
import uk.dmadvisor.api.model.Seal;

/** What every answer ends with, whichever endpoint produced it: its provenance and its seal. */
@Component
public class Answers {

    private final ProvenanceFactory provenance;
    private final Sealer sealer;
    private final ObjectMapper json;

    Answers(ProvenanceFactory provenance, Sealer sealer, ObjectMapper json) {
        this.provenance = provenance;
        this.sealer = sealer;
        this.json = json;
    }

    /**
     * Provenance naming the request by the SHA-256 of its RFC 8785 canonical JSON: of the body as sent when it came
     * over HTTP, of the request as read otherwise (in-process callers).
     */
    public Provenance provenanceFor(Object request) {
        return provenance.provenance(RequestHashes.of(request)
                .orElseGet(() -> CanonicalJson.sha256(json.valueToTree(request))));
    }

    /**
     * The seal of an answer that has everything but its seal. The answer is serialised once and made canonical once;
     * the digest, the signed payload and, over HTTP, the response body all come from those bytes.
     */
    public Seal sealFor(Object answer) {
        try {
            CanonicalJson.Form form = CanonicalJson.Form.ofJson(json.writeValueAsBytes(answer));
            Seal seal = sealer.seal(form, requestSha256(answer));
            SealedBodies.remember(answer, form.bytes(), json.writeValueAsBytes(seal));
            return seal;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer always serialises", e);
        }
    }

    private static String requestSha256(Object answer) {
        Provenance provenance = answer instanceof DesignationAssessment designation ? designation.getProvenance()
                : answer instanceof ChangeAssessment changes ? changes.getProvenance() : null;
        return provenance == null ? null : provenance.getRequestSha256();
    }
}
