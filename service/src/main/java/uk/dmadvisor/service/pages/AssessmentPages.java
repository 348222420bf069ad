package uk.dmadvisor.service.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.api.model.QuestionTopic;
import uk.dmadvisor.service.pages.Assessments.Kind;
import uk.dmadvisor.service.pages.Assessments.Outcome;
import uk.dmadvisor.service.pages.FormView.ErrorLink;
import uk.dmadvisor.service.pages.QuestionForm.Slot;
import uk.dmadvisor.service.problems.FieldProblem;
import uk.dmadvisor.service.problems.InvalidRequestException;

/**
 * The self-assessment pages: one topic of the question catalogue a page, check your answers, and the answer. The
 * service keeps nothing between pages: each form carries the request built so far (its answers by field path) in
 * a hidden field, and the answer page carries the decision record for the downloads.
 */
@Controller
@RequestMapping("/assess")
class AssessmentPages {

    static final String DRAFT = "draft";

    private final Assessments assessments;
    private final AnswerView answerView;
    private final ObjectMapper json;

    AssessmentPages(Assessments assessments, AnswerView answerView) {
        this.assessments = assessments;
        this.answerView = answerView;
        this.json = assessments.json();
    }

    @GetMapping("/{model}")
    String start(@PathVariable("model") String model, Model page) {
        Kind kind = assessments.kind(model);
        page.addAttribute("kind", kind);
        page.addAttribute("repeated", csvTopics(kind));
        page.addAttribute("current", model);
        return "assess/start";
    }

    @PostMapping("/{model}")
    String step(@PathVariable("model") String model, @RequestParam MultiValueMap<String, String> params, Model page) {
        Kind kind = assessments.kind(model);
        QuestionForm form = kind.form();
        ObjectNode draft = draft(params.getFirst(DRAFT));
        Map<String, String> carried = problems(params.getFirst("problems"));
        QuestionTopic topic = form.topic(params.getFirst("topic"));
        List<String> shown = lines(params.getFirst("shown"));
        if (topic != null) {
            for (Slot slot : form.slots(topic, draft)) {
                if (shown.contains(slot.path())) {
                    form.answer(draft, slot, params.get(slot.path()));
                    carried.remove(slot.path());
                }
            }
            form.pruneUnasked(draft);
        }
        String action = params.getFirst("action") == null ? "continue" : params.getFirst("action");
        boolean returnToCheck = "check".equals(params.getFirst("returnTo"));
        List<QuestionTopic> topics = form.topics();
        int index = topic == null ? -1 : topics.indexOf(topic);
        if (action.equals("start")) {
            return topicPage(page, kind, form.next(-1, draft), draft, Map.of(), carried, false, null);
        }
        if (action.startsWith("change-")) {
            QuestionTopic target = form.topic(action.substring("change-".length()));
            return target == null ? checkPage(page, kind, draft, carried, List.of())
                    : topicPage(page, kind, target, draft, Map.of(), carried, true, null);
        }
        if (topic != null && QuestionForm.repeated(topic) && !action.equals("continue") && !action.equals("back")) {
            String focus = changeItems(form, topic, draft, action);
            return topicPage(page, kind, topic, draft, Map.of(), carried, returnToCheck, focus);
        }
        switch (action) {
            case "back": {
                QuestionTopic previous = form.previous(index, draft);
                return previous != null && !returnToCheck ? topicPage(page, kind, previous, draft, Map.of(), carried, false, null)
                        : checkPage(page, kind, draft, carried, List.of());
            }
            case "check":
                return checkPage(page, kind, draft, carried, List.of());
            case "submit":
                return submit(page, kind, draft);
            default:
                if (topic == null) {
                    return checkPage(page, kind, draft, carried, List.of());
                }
                boolean newQuestions = form.askedSlots(topic, draft).stream().anyMatch(s -> !shown.contains(s.path()));
                Map<String, String> errors = form.check(topic, draft);
                if (newQuestions) {
                    page.addAttribute("newQuestions", true);
                    return topicPage(page, kind, topic, draft, Map.of(), carried, returnToCheck, null);
                }
                if (!errors.isEmpty()) {
                    return topicPage(page, kind, topic, draft, errors, carried, returnToCheck, null);
                }
                QuestionTopic next = form.next(index, draft);
                if (returnToCheck || next == null) {
                    return checkPage(page, kind, draft, carried, List.of());
                }
                return topicPage(page, kind, next, draft, Map.of(), carried, false, null);
        }
    }

    /** Adds, copies or removes an item of a repeated topic; answers the anchor of the item to show. */
    private static String changeItems(QuestionForm form, QuestionTopic topic, ObjectNode draft, String action) {
        ArrayNode items = JsonPaths.array(draft, topic.getRepeat());
        if (action.equals("add")) {
            items.addObject();
            return "item-" + (items.size() - 1);
        }
        int dash = action.indexOf('-');
        int item = dash < 0 ? -1 : parseIndex(action.substring(dash + 1));
        if (item < 0 || item >= items.size()) {
            return null;
        }
        if (action.startsWith("copy-")) {
            ObjectNode copy = items.get(item).deepCopy();
            copy.remove("id");
            items.insert(item + 1, copy);
            return "item-" + (item + 1);
        }
        if (action.startsWith("remove-")) {
            items.remove(item);
            form.pruneUnasked(draft);
            return items.isEmpty() ? null : "item-" + Math.min(item, items.size() - 1);
        }
        return null;
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    String topicPage(Model page, Kind kind, QuestionTopic topic, ObjectNode draft, Map<String, String> errors,
                     Map<String, String> carried, boolean returnToCheck, String focus) {
        QuestionForm form = kind.form();
        Map<String, String> shownErrors = new LinkedHashMap<>(carried);
        shownErrors.putAll(errors);
        List<FormView.Group> groups = FormView.groups(form, topic, draft, shownErrors);
        List<String> shown = new ArrayList<>();
        List<ErrorLink> summary = new ArrayList<>();
        for (FormView.Group group : groups) {
            for (FormView.Input input : group.inputs()) {
                shown.add(input.name());
                if (input.error() != null) {
                    summary.add(new ErrorLink("#" + input.id(), (group.index() >= 0 ? group.legend() + ": " : "")
                            + input.label() + " " + input.error()));
                }
            }
        }
        int index = form.topics().indexOf(topic);
        common(page, kind, draft, carried);
        page.addAttribute("topic", topic);
        page.addAttribute("topicNumber", index + 1);
        page.addAttribute("topicCount", form.topics().size());
        page.addAttribute("repeated", QuestionForm.repeated(topic));
        page.addAttribute("itemNoun", QuestionForm.repeated(topic) ? FormView.noun(topic).toLowerCase(java.util.Locale.ROOT) : "");
        page.addAttribute("groups", groups);
        page.addAttribute("shown", String.join("\n", shown));
        page.addAttribute("errors", summary);
        page.addAttribute("returnTo", returnToCheck ? "check" : "");
        page.addAttribute("hasBack", form.previous(index, draft) != null && !returnToCheck);
        page.addAttribute("focus", focus);
        page.addAttribute("title", (summary.isEmpty() ? "" : "Error: ") + topic.getTitle());
        return "assess/topic";
    }

    String checkPage(Model page, Kind kind, ObjectNode draft, Map<String, String> problems, List<String> general) {
        QuestionForm form = kind.form();
        Map<String, String> errors = new LinkedHashMap<>();
        for (QuestionTopic topic : form.topics()) {
            errors.putAll(form.check(topic, draft));
        }
        errors.putAll(problems);
        List<ErrorLink> summary = new ArrayList<>();
        general.forEach(g -> summary.add(new ErrorLink(null, g)));
        for (QuestionTopic topic : form.topics()) {
            for (Slot slot : form.askedSlots(topic, draft)) {
                String error = errors.get(slot.path());
                if (error != null) {
                    summary.add(new ErrorLink("#" + FormView.htmlId(slot.path()), topic.getTitle()
                            + (slot.item() >= 0 ? ", " + FormView.itemName(topic, slot.item(), draft) : "")
                            + ": " + slot.question().getText() + " " + error));
                }
            }
        }
        common(page, kind, draft, problems);
        page.addAttribute("topics", FormView.answers(form, draft, errors));
        page.addAttribute("errors", summary);
        page.addAttribute("title", (summary.isEmpty() ? "" : "Error: ") + "Check your answers");
        return "assess/check";
    }

    private String submit(Model page, Kind kind, ObjectNode draft) {
        Outcome outcome = assessments.assess(kind, draft);
        if (outcome.problem() != null) {
            return problemPage(page, kind, draft, outcome.problem());
        }
        return answerPage(page, kind, draft, outcome.answer());
    }

    /** The API's problem details, each placed at the question whose field it names. */
    String problemPage(Model page, Kind kind, ObjectNode draft, InvalidRequestException problem) {
        Map<String, String> byPath = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (FieldProblem error : problem.errors()) {
            String message = message(error);
            Slot slot = kind.form().slotFor(error.field(), draft);
            if (slot != null && kind.form().asked(slot, draft)) {
                byPath.merge(slot.path(), message, (a, b) -> a + "; " + b);
            } else {
                general.add((error.field() == null ? "" : error.field() + ": ") + message);
            }
        }
        page.addAttribute("problemStatus", problem.status().value());
        return checkPage(page, kind, draft, byPath, general);
    }

    static String message(FieldProblem error) {
        String message = error.message();
        if (error.acceptedValues() != null && !error.acceptedValues().isEmpty()) {
            message += " (accepted: " + String.join(", ", error.acceptedValues()) + ")";
        }
        return message;
    }

    String answerPage(Model page, Kind kind, ObjectNode request, JsonNode answer) {
        ObjectNode record = json.createObjectNode();
        record.put("kind", kind.recordKind().getValue());
        record.set("request", request);
        record.set("response", answer);
        report(page, kind, request, answer);
        page.addAttribute("record", write(record));
        page.addAttribute("csvTopics", csvTopics(kind, answer));
        common(page, kind, request, Map.of());
        page.addAttribute("title", "Your answer");
        return "assess/answer";
    }

    /** What the report shows (the answer page and the PDF alike). */
    void report(Model page, Kind kind, ObjectNode request, JsonNode answer) {
        page.addAttribute("kind", kind);
        page.addAttribute("view", answerView.of(answer));
        page.addAttribute("answers", FormView.answers(kind.form(), request, Map.of()));
        page.addAttribute("productName", JsonPaths.get(request, "product.name").asText(""));
    }

    /** The lists of the request (top-level repeated topics such as sites and changes): these import from CSV. */
    static List<QuestionTopic> csvTopics(Kind kind) {
        return kind.form().topics().stream().filter(QuestionForm::repeated).filter(t -> !t.getRepeat().contains("."))
                .toList();
    }

    /** The lists the answer reports item for item (changes, sites): these export with their results as CSV. */
    static List<QuestionTopic> csvTopics(Kind kind, JsonNode answer) {
        return csvTopics(kind).stream().filter(t -> answer.path(t.getRepeat()).isArray()).toList();
    }

    private void common(Model page, Kind kind, ObjectNode draft, Map<String, String> carried) {
        page.addAttribute("kind", kind);
        page.addAttribute("current", kind.model());
        page.addAttribute(DRAFT, write(draft));
        page.addAttribute("problems", carried.isEmpty() ? "" : write(json.valueToTree(carried)));
    }

    ObjectNode draft(String text) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(text);
            return node instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private Map<String, String> problems(String text) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            try {
                json.readTree(text).fields().forEachRemaining(e -> problems.put(e.getKey(), e.getValue().asText()));
            } catch (JsonProcessingException e) {
                return problems;
            }
        }
        return problems;
    }

    String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
