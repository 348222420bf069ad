package uk.dmadvisor.service.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.api.model.DecisionRecord;
import uk.dmadvisor.api.model.RecordVerification;
import uk.dmadvisor.service.pages.FormView.ErrorLink;
import uk.dmadvisor.service.problems.FieldProblem;
import uk.dmadvisor.service.problems.InvalidRequestException;
import uk.dmadvisor.service.records.RecordVerifier;

/** Record check: upload a decision record and read its verification in words. */
@Controller
@RequestMapping("/records/check")
public class RecordPages {

    private final Assessments assessments;
    private final RecordVerifier verifier;
    private final AnswerView answerView;
    private final ObjectMapper json;

    RecordPages(Assessments assessments, RecordVerifier verifier, AnswerView answerView) {
        this.assessments = assessments;
        this.verifier = verifier;
        this.answerView = answerView;
        this.json = assessments.json();
    }

    /** One check of the verification, in words. */
    public record Finding(String title, String status, String tone, String words, String detail) {
    }

    @GetMapping
    String form(Model page) {
        page.addAttribute("current", "records");
        page.addAttribute("errors", List.of());
        page.addAttribute("pasted", "");
        return "records/check";
    }

    @PostMapping
    String check(@RequestParam(value = "file", required = false) MultipartFile file,
                 @RequestParam(value = "pasted", required = false) String pasted, Model page) {
        page.addAttribute("current", "records");
        String text = pasted == null ? "" : pasted.strip();
        if (file != null && !file.isEmpty()) {
            try {
                text = new String(file.getBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            } catch (IOException e) {
                text = "";
            }
        }
        page.addAttribute("pasted", pasted == null ? "" : pasted);
        List<ErrorLink> errors = new ArrayList<>();
        if (text.isBlank()) {
            errors.add(new ErrorLink("#file", "Choose a decision record file, or paste one"));
            page.addAttribute("errors", errors);
            return "records/check";
        }
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(new ErrorLink("#file", "The record is not valid JSON: " + e.getOriginalMessage()));
            page.addAttribute("errors", errors);
            return "records/check";
        }
        DecisionRecord record;
        try {
            record = assessments.read(body, DecisionRecord.class);
        } catch (InvalidRequestException e) {
            for (FieldProblem problem : e.errors()) {
                errors.add(new ErrorLink("#file", "The record's " + (problem.field() == null ? "content" : problem.field())
                        + " " + AssessmentPages.message(problem)));
            }
            page.addAttribute("errors", errors);
            return "records/check";
        }
        RecordVerification verification = verifier.verify(record);
        page.addAttribute("errors", List.of());
        page.addAttribute("findings", findings(verification));
        page.addAttribute("verification", verification);
        page.addAttribute("kind", assessments.kind(record.getKind()));
        page.addAttribute("recorded", answerView.of(json.valueToTree(record.getResponse())));
        page.addAttribute("verdict", verdict(verification));
        return "records/result";
    }

    private static String verdict(RecordVerification v) {
        boolean intact = v.getIntegrity().getStatus() == uk.dmadvisor.api.model.RecordVerificationIntegrity.StatusEnum.INTACT;
        boolean matches = v.getRequest().getStatus() == uk.dmadvisor.api.model.RecordVerificationRequest.StatusEnum.MATCHES;
        boolean same = v.getReevaluation().getStatus() == uk.dmadvisor.api.model.RecordVerificationReevaluation.StatusEnum.SAME;
        if (!intact) {
            return "This record has been changed since the service sealed it. Do not rely on it.";
        }
        if (!matches) {
            return "The answer is intact, but the request in the record is not the one it answers.";
        }
        return same ? "The record is intact and evaluating its request today gives the same answer."
                : "The record is intact, but evaluating its request today gives a different answer: see below.";
    }

    private static List<Finding> findings(RecordVerification v) {
        List<Finding> findings = new ArrayList<>();
        String integrity = v.getIntegrity().getStatus().getValue();
        findings.add(new Finding("Is the answer intact?", integrity, tone(integrity.equals("INTACT")),
                integrity.equals("INTACT") ? "Yes: its content matches the seal the service gave it."
                        : "No: its content no longer matches its seal.", v.getIntegrity().getDetail()));
        String signature = v.getIntegrity().getSignature().getValue();
        findings.add(new Finding("Is it signed by this service?", signature,
                signature.equals("VALID") ? "favourable" : signature.equals("INVALID") ? "warning" : "neutral",
                switch (signature) {
                    case "VALID" -> "Yes: the signature is valid for this service's key.";
                    case "INVALID" -> "The signature does not match: the answer was not signed with the key it names.";
                    case "NOT_SIGNED" -> "The answer carries no signature (the service had no signing key); its digest is still checked.";
                    default -> "The key it was signed with is not available here, so the signature cannot be checked.";
                }, null));
        String request = v.getRequest().getStatus().getValue();
        findings.add(new Finding("Is the request the one answered?", request, tone(request.equals("MATCHES")),
                request.equals("MATCHES") ? "Yes: the request hashes to the value the answer names."
                        : "No: the request in the record is not the one this answer was given for.",
                v.getRequest().getDetail()));
        String models = v.getModels().getStatus().getValue();
        findings.add(new Finding("Have the models changed since?", models, models.equals("UNCHANGED") ? "favourable" : "neutral",
                models.equals("UNCHANGED") ? "No: every model and rule file is the one that produced the answer."
                        : "Yes: " + v.getModels().getChanges().size() + " model or rule file(s) differ from those that produced it.",
                null));
        String reevaluation = v.getReevaluation().getStatus().getValue();
        findings.add(new Finding("Would the answer be the same today?", reevaluation,
                reevaluation.equals("SAME") ? "favourable" : "warning",
                switch (reevaluation) {
                    case "SAME" -> "Yes: evaluating the request now gives the same answer.";
                    case "DIFFERENT" -> "No: evaluating the request now gives a different answer, at the places listed below.";
                    default -> "The request cannot be evaluated now.";
                }, v.getReevaluation().getDetail()));
        return findings;
    }

    private static String tone(boolean good) {
        return good ? "favourable" : "warning";
    }
}
