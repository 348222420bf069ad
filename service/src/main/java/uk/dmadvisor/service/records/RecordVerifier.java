package uk.dmadvisor.service.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validator;
import uk.dmadvisor.api.model.AnswerView;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.DecisionRecord;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.api.model.Difference;
import uk.dmadvisor.api.model.ModelChange;
import uk.dmadvisor.api.model.RecordVerification;
import uk.dmadvisor.api.model.RecordVerificationIntegrity;
import uk.dmadvisor.api.model.RecordVerificationModels;
import uk.dmadvisor.api.model.RecordVerificationReevaluation;
import uk.dmadvisor.api.model.RecordVerificationRequest;
import uk.dmadvisor.service.changecontrol.ChangeControlAdvisor;
import uk.dmadvisor.service.designation.DesignationAdvisor;
import uk.dmadvisor.service.models.CanonicalJson;
import uk.dmadvisor.service.models.LegacyCanonicalJson;
import uk.dmadvisor.service.models.ProvenanceFactory;
import uk.dmadvisor.service.models.Sealer;
import uk.dmadvisor.service.problems.InvalidRequestException;
import uk.dmadvisor.service.problems.RequestProblems;

/**
 * Checks a kept decision record: is the answer intact, does the request match the answer, are the models that
 * produced it unchanged, and does evaluating the request now give the same answer.
 */
@Service
public class RecordVerifier {

    /** Parts of an answer that differ on every evaluation by design, or are checked separately. */
    private static final Set<String> NOT_REEVALUATED = Set.of("provenance", "seal");

    private final ObjectMapper json;
    private final Validator validator;
    private final Sealer sealer;
    private final ProvenanceFactory provenance;
    private final DesignationAdvisor designation;
    private final ChangeControlAdvisor changeControl;

    RecordVerifier(ObjectMapper json, Validator validator, Sealer sealer, ProvenanceFactory provenance,
                   DesignationAdvisor designation, ChangeControlAdvisor changeControl) {
        this.json = json;
        this.validator = validator;
        this.sealer = sealer;
        this.provenance = provenance;
        this.designation = designation;
        this.changeControl = changeControl;
    }

    public RecordVerification verify(DecisionRecord record) {
        JsonNode response = json.valueToTree(record.getResponse());
        JsonNode request = json.valueToTree(record.getRequest());
        return new RecordVerification()
                .integrity(integrity(response))
                .models(models(response.path("provenance")))
                .request(requestCheck(record.getKind(), request, response))
                .reevaluation(reevaluation(record.getKind(), request, response));
    }

    private RecordVerificationIntegrity integrity(JsonNode response) {
        Sealer.Integrity integrity = sealer.check(response);
        if (!integrity.sealed()) {
            return new RecordVerificationIntegrity().status(RecordVerificationIntegrity.StatusEnum.TAMPERED)
                    .signature(RecordVerificationIntegrity.SignatureEnum.NOT_SIGNED)
                    .detail("The response carries no seal, so it cannot be shown to be intact");
        }
        boolean tampered = !integrity.intact() || integrity.signature() == Sealer.SignatureCheck.INVALID;
        String detail = !integrity.intact()
                ? "The response's content no longer matches its digest: it was changed after the service sealed it"
                : integrity.signature() == Sealer.SignatureCheck.INVALID
                ? "The response's digest matches its content, but its signature does not hold for it"
                : integrity.signature() == Sealer.SignatureCheck.KEY_UNAVAILABLE
                ? "The response's digest matches its content; the key that signed it is not one this service holds"
                : "The response's digest matches its content";
        return new RecordVerificationIntegrity()
                .status(tampered ? RecordVerificationIntegrity.StatusEnum.TAMPERED : RecordVerificationIntegrity.StatusEnum.INTACT)
                .signature(RecordVerificationIntegrity.SignatureEnum.fromValue(integrity.signature().name()))
                .detail(detail);
    }

    private RecordVerificationModels models(JsonNode recordedProvenance) {
        Map<String, String> recorded = new TreeMap<>();
        for (String part : List.of("models", "rules")) {
            recordedProvenance.path(part).forEach(m -> recorded.put(m.path("file").asText(), m.path("sha256").asText()));
        }
        Map<String, String> current = provenance.currentHashes();
        List<ModelChange> changes = new ArrayList<>();
        recorded.forEach((file, hash) -> {
            if (!hash.equals(current.get(file))) {
                changes.add(new ModelChange().file(file).recordedSha256(hash).currentSha256(current.get(file)));
            }
        });
        current.forEach((file, hash) -> {
            if (!recorded.containsKey(file)) {
                changes.add(new ModelChange().file(file).currentSha256(hash));
            }
        });
        return new RecordVerificationModels().changes(changes).status(changes.isEmpty()
                ? RecordVerificationModels.StatusEnum.UNCHANGED : RecordVerificationModels.StatusEnum.CHANGED);
    }

    private RecordVerificationRequest requestCheck(DecisionRecord.KindEnum kind, JsonNode request, JsonNode response) {
        try {
            JsonNode typed = json.valueToTree(read(kind, request));
            String named = response.path("provenance").path("requestSha256").asText();
            // The body as sent (over HTTP) or as read (in process); records sealed before RFC 8785 used the legacy form.
            boolean matches = response.path(Sealer.SEAL_FIELD).hasNonNull("canonicalization")
                    ? named.equals(CanonicalJson.sha256(request)) || named.equals(CanonicalJson.sha256(typed))
                    : named.equals(LegacyCanonicalJson.sha256(typed));
            return new RecordVerificationRequest()
                    .status(matches ? RecordVerificationRequest.StatusEnum.MATCHES : RecordVerificationRequest.StatusEnum.DIFFERS)
                    .detail(matches ? "The request hashes to the value the response names"
                            : "The request does not hash to the value the response names: it is not the request that was answered");
        } catch (InvalidRequestException e) {
            return new RecordVerificationRequest().status(RecordVerificationRequest.StatusEnum.DIFFERS)
                    .detail("The request is not a valid " + kind + " request: " + describe(e));
        }
    }

    private RecordVerificationReevaluation reevaluation(DecisionRecord.KindEnum kind, JsonNode request, JsonNode response) {
        // A compact answer (no trace) is compared with a compact answer given now.
        AnswerView view = response.has("trace") ? AnswerView.FULL : AnswerView.COMPACT;
        JsonNode now;
        try {
            now = kind == DecisionRecord.KindEnum.DESIGNATION
                    ? json.valueToTree(designation.assess((DesignationAssessmentRequest) read(kind, request), view))
                    : json.valueToTree(changeControl.assess((ChangeAssessmentRequest) read(kind, request), view));
        } catch (InvalidRequestException e) {
            return new RecordVerificationReevaluation().status(RecordVerificationReevaluation.StatusEnum.NOT_REPRODUCIBLE)
                    .differences(List.of()).detail("The request cannot be evaluated now: " + describe(e));
        }
        List<Difference> differences = JsonDifferences.between(response, now, NOT_REEVALUATED);
        return new RecordVerificationReevaluation()
                .status(differences.isEmpty() ? RecordVerificationReevaluation.StatusEnum.SAME
                        : RecordVerificationReevaluation.StatusEnum.DIFFERENT)
                .differences(differences)
                .detail(differences.isEmpty() ? "Evaluating the request now gives the same answer"
                        : "Evaluating the request now gives a different answer"
                        + (differences.size() >= JsonDifferences.MOST_LISTED ? " (first " + JsonDifferences.MOST_LISTED
                        + " differences listed)" : ""));
    }

    /** The kept request as the typed request of its kind; what is wrong with it is described field by field. */
    private Object read(DecisionRecord.KindEnum kind, JsonNode request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw RequestProblems.fromUnreadableBody(e);
        }
        Class<?> type = kind == DecisionRecord.KindEnum.DESIGNATION
                ? DesignationAssessmentRequest.class : ChangeAssessmentRequest.class;
        return RequestProblems.readValid(json, validator, body, type);
    }

    private static String describe(InvalidRequestException e) {
        return String.join("; ", e.errors().stream()
                .map(f -> f.field() == null ? f.message() : f.field() + ": " + f.message()).toList());
    }
}
