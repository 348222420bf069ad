package uk.dmadvisor.service.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.Validator;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.DecisionRecord;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.service.changecontrol.ChangeControlAdvisor;
import uk.dmadvisor.service.designation.DesignationAdvisor;
import uk.dmadvisor.service.problems.InvalidRequestException;
import uk.dmadvisor.service.problems.RequestProblems;
import uk.dmadvisor.service.questionnaires.Questionnaires;

/**
 * The assessments the pages offer, each with its question catalogue. A request built by the pages is read,
 * validated and assessed exactly as the API reads, validates and assesses a request body, in process.
 */
@Component
public class Assessments {

    /** One assessment: its catalogue as a form, how a request is read and answered, and its record kind. */
    public record Kind(String model, String title, String purpose, DecisionRecord.KindEnum recordKind, QuestionForm form,
                Function<JsonNode, Object> assess) {
    }

    /** An answer or the problems that stopped it, as the API would have reported them. */
    public record Outcome(JsonNode answer, InvalidRequestException problem) {
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final Validator validator;

    Assessments(Questionnaires questionnaires, DesignationAdvisor designation, ChangeControlAdvisor changeControl,
                ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        add(questionnaires, "designation", "Check a product for a POC or MM designation",
                "For applicants: whether a product can be designated for point-of-care or modular manufacture, and"
                        + " whether its clinical-benefit justification holds.",
                DecisionRecord.KindEnum.DESIGNATION, body -> designation.assess(read(body, DesignationAssessmentRequest.class)));
        add(questionnaires, "change-control", "Assess changes to a hub's spokes",
                "For change-control boards: which route each proposed change needs, what each site must do, and"
                        + " the outcome for the change log as a whole.",
                DecisionRecord.KindEnum.CHANGE_CONTROL, body -> changeControl.assess(read(body, ChangeAssessmentRequest.class)));
    }

    /** An assessment has pages only when its model is loaded with a question catalogue beside it. */
    private void add(Questionnaires questionnaires, String model, String title, String purpose,
                     DecisionRecord.KindEnum recordKind, Function<JsonNode, Object> assess) {
        questionnaires.all().stream().filter(q -> q.getModel().equals(model)).findFirst().ifPresent(q ->
                kinds.put(model, new Kind(model, title, purpose, recordKind, new QuestionForm(q), assess)));
    }

    Iterable<Kind> all() {
        return kinds.values();
    }

    Kind kind(String model) {
        Kind kind = kinds.get(model);
        if (kind == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No assessment is named '" + model + "'");
        }
        return kind;
    }

    Kind kind(DecisionRecord.KindEnum recordKind) {
        return kinds.values().stream().filter(k -> k.recordKind() == recordKind).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No assessment of kind " + recordKind));
    }

    Outcome assess(Kind kind, ObjectNode request) {
        try {
            return new Outcome(json.valueToTree(kind.assess().apply(request)), null);
        } catch (InvalidRequestException e) {
            return new Outcome(null, e);
        }
    }

    /** The request as the API's message converter and validation would read it. */
    <T> T read(JsonNode body, Class<T> type) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw RequestProblems.fromUnreadableBody(e);
        }
        return RequestProblems.readValid(json, validator, bytes, type);
    }

    ObjectMapper json() {
        return json;
    }
}
