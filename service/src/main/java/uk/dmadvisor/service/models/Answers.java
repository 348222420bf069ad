package uk.dmadvisor.service.models;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
     * The seal of an answer that has everything but its seal. The answer is turned into a tree and made canonical
     * once; the digest and the signed payload both come from those bytes.
     */
    public Seal sealFor(Object answer) {
        JsonNode tree = Sealer.withoutSeal(json.valueToTree(answer));
        return sealer.seal(CanonicalJson.Form.of(tree), tree.path("provenance").path("requestSha256").asText(null));
    }
}
