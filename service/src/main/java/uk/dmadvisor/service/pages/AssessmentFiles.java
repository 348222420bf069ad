package uk.dmadvisor.service.pages;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.api.model.DecisionRecord;
import uk.dmadvisor.api.model.QuestionTopic;
import uk.dmadvisor.api.model.RecordVerification;
import uk.dmadvisor.api.model.RecordVerificationIntegrity;
import uk.dmadvisor.service.pages.Assessments.Kind;
import uk.dmadvisor.service.pages.FormView.ErrorLink;
import uk.dmadvisor.service.problems.InvalidRequestException;
import uk.dmadvisor.service.records.RecordVerifier;

/**
 * Files in and out of the assessment pages: a request (JSON) or lists (CSV) imported into the questions, CSV
 * templates, and for an answer the PDF report, the decision record and the lists with their results as CSV.
 */
@Controller
@RequestMapping("/assess/{model}")
class AssessmentFiles {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Assessments assessments;
    private final AssessmentPages pages;
    private final ReportPdf pdf;
    private final RecordVerifier verifier;
    private final ObjectMapper json;

    AssessmentFiles(Assessments assessments, AssessmentPages pages, ReportPdf pdf, RecordVerifier verifier) {
        this.assessments = assessments;
        this.pages = pages;
        this.pdf = pdf;
        this.verifier = verifier;
        this.json = assessments.json();
    }

    @GetMapping("/templates/{topic}.csv")
    ResponseEntity<String> template(@PathVariable("model") String model, @PathVariable("topic") String topicId) {
        QuestionTopic topic = repeatedTopic(assessments.kind(model), topicId);
        return attachment(CsvLists.template(topic), CSV, topic.getId() + "-template.csv");
    }

    @PostMapping("/import")
    String importFiles(@PathVariable("model") String model, MultipartHttpServletRequest request, Model page) {
        Kind kind = assessments.kind(model);
        QuestionForm form = kind.form();
        ObjectNode draft = json.createObjectNode();
        List<ErrorLink> errors = new ArrayList<>();
        MultipartFile requestFile = request.getFile("request");
        if (requestFile != null && !requestFile.isEmpty()) {
            try {
                JsonNode body = json.readTree(text(requestFile));
                if (body != null && body.has("request") && body.has("kind") && body.path("request").isObject()) {
                    body = body.get("request");
                }
                if (body instanceof ObjectNode object) {
                    draft = object;
                } else {
                    errors.add(new ErrorLink("#request-file", "The JSON file must hold a request object"));
                }
            } catch (JsonProcessingException e) {
                errors.add(new ErrorLink("#request-file", "The JSON file is not valid JSON: " + e.getOriginalMessage()
                        + " (line " + e.getLocation().getLineNr() + ")"));
            }
        }
        boolean any = requestFile != null && !requestFile.isEmpty();
        for (QuestionTopic topic : form.topics()) {
            MultipartFile csv = QuestionForm.repeated(topic) ? request.getFile("csv-" + topic.getId()) : null;
            if (csv == null || csv.isEmpty()) {
                continue;
            }
            any = true;
            CsvLists.Imported imported = CsvLists.read(topic, new StringReader(text(csv)));
            imported.errors().forEach(e -> errors.add(new ErrorLink("#csv-" + topic.getId(),
                    topic.getTitle() + " CSV: " + e.text())));
            if (imported.errors().isEmpty()) {
                JsonPaths.set(draft, topic.getRepeat(), imported.items());
            }
        }
        if (!any) {
            errors.add(new ErrorLink("#request-file", "Choose a JSON request or a CSV file to import"));
        }
        if (!errors.isEmpty()) {
            page.addAttribute("importErrors", errors);
            return pages.start(model, page);
        }
        form.pruneUnasked(draft);
        for (QuestionTopic topic : form.topics()) {
            if (!form.check(topic, draft).isEmpty() && !QuestionForm.repeated(topic) && form.applies(topic, draft)) {
                page.addAttribute("imported", true);
                return pages.topicPage(page, kind, topic, draft, Map.of(), Map.of(), false, null);
            }
        }
        return pages.checkPage(page, kind, draft, Map.of(), List.of());
    }

    @PostMapping("/draft.json")
    ResponseEntity<String> draft(@PathVariable("model") String model, @RequestParam("draft") String draft) {
        assessments.kind(model);
        return attachment(pretty(pages.draft(draft)), MediaType.APPLICATION_JSON, model + "-request.json");
    }

    @PostMapping("/record.json")
    ResponseEntity<String> record(@PathVariable("model") String model, @RequestParam("record") String record) {
        Checked checked = checked(model, record);
        return attachment(pretty(checked.record()), MediaType.APPLICATION_JSON,
                "decision-record-" + checked.name() + ".json");
    }

    @PostMapping("/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable("model") String model, @RequestParam("record") String record) {
        Checked checked = checked(model, record);
        ExtendedModelMap page = new ExtendedModelMap();
        pages.report(page, checked.kind(), (ObjectNode) checked.record().get("request"), checked.record().get("response"));
        byte[] bytes = pdf.render(new LinkedHashMap<>(page), ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dm-advisor-report-" + checked.name() + ".pdf").build().toString())
                .body(bytes);
    }

    @PostMapping("/results/{topic}.csv")
    ResponseEntity<String> results(@PathVariable("model") String model, @PathVariable("topic") String topicId,
                                   @RequestParam("record") String record) {
        Checked checked = checked(model, record);
        QuestionTopic topic = repeatedTopic(checked.kind(), topicId);
        return attachment(CsvLists.results(topic, checked.record().get("request"), checked.record().get("response")),
                CSV, topic.getId() + "-results-" + checked.name() + ".csv");
    }

    private record Checked(Kind kind, ObjectNode record, String name) {
    }

    /**
     * The record the answer page carried, accepted only as the service sealed it: a record whose seal does not
     * match its content is not turned into a report.
     */
    private Checked checked(String model, String text) {
        Kind kind = assessments.kind(model);
        ObjectNode record = pages.draft(text);
        DecisionRecord typed;
        try {
            typed = assessments.read(record, DecisionRecord.class);
        } catch (InvalidRequestException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The decision record is not valid: " + e.getMessage());
        }
        if (typed.getKind() != kind.recordKind()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The decision record is not a " + model + " record");
        }
        RecordVerification verification = verifier.verify(typed);
        if (verification.getIntegrity().getStatus() != RecordVerificationIntegrity.StatusEnum.INTACT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The decision record was changed after it was sealed: " + verification.getIntegrity().getDetail());
        }
        String digest = record.path("response").path("seal").path("digest").asText("");
        return new Checked(kind, record, digest.length() >= 12 ? digest.substring(0, 12) : "answer");
    }

    private static QuestionTopic repeatedTopic(Kind kind, String topicId) {
        QuestionTopic topic = kind.form().topic(topicId);
        if (topic == null || !QuestionForm.repeated(topic)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No list is named '" + topicId + "'");
        }
        return topic;
    }

    private String pretty(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MultipartFile file) {
        try {
            String text = new String(file.getBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The file could not be read");
        }
    }

    private static <T> ResponseEntity<T> attachment(T body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
