package uk.dmadvisor.service.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.api.model.Question;
import uk.dmadvisor.api.model.QuestionOption;
import uk.dmadvisor.api.model.QuestionTopic;
import uk.dmadvisor.service.pages.QuestionForm.Slot;

/** What the topic and check-your-answers templates show, built from the catalogue and the draft request. */
public final class FormView {

    private FormView() {
    }

    public record Option(String value, String label, String hint, boolean checked, String id) {
    }

    /** One form field. {@code control} is radios, checkboxes, select, input, number, textarea or date. */
    public record Input(String name, String id, String label, String hint, String control, List<Option> options,
                 String value, String unit, Integer maxLength, String error) {
    }

    /** The fields of one item of a repeated topic (or of a plain topic, with index -1). */
    public record Group(int index, String legend, String anchor, List<Input> inputs) {
    }

    public record ErrorLink(String href, String text) {
    }

    public record Row(String label, String value, String error, String anchor, boolean answered) {
    }

    public record RowGroup(String heading, List<Row> rows) {
    }

    public record TopicAnswers(String id, String title, boolean repeated, List<RowGroup> groups) {
    }

    static String htmlId(String path) {
        return "f-" + path.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static List<Group> groups(QuestionForm form, QuestionTopic topic, ObjectNode draft, Map<String, String> errors) {
        Map<Integer, List<Input>> byItem = new LinkedHashMap<>();
        boolean repeated = QuestionForm.repeated(topic);
        for (int i = 0; i < form.items(topic, draft); i++) {
            byItem.put(repeated ? i : -1, new ArrayList<>());
        }
        for (Slot slot : form.askedSlots(topic, draft)) {
            byItem.get(slot.item()).add(input(form, slot, draft, errors.get(slot.path()), repeated));
        }
        List<Group> groups = new ArrayList<>();
        byItem.forEach((item, inputs) -> groups.add(new Group(item,
                item < 0 ? topic.getTitle() : itemName(topic, item, draft),
                item < 0 ? null : "item-" + item, inputs)));
        return groups;
    }

    /** "Change 2 (CC-7)": the item's number, and its identifier when it has one. */
    static String itemName(QuestionTopic topic, int item, ObjectNode draft) {
        String noun = noun(topic);
        JsonNode itemNode = JsonPaths.get(draft, JsonPaths.item(topic.getRepeat(), item));
        JsonNode id = itemNode.path("id");
        return noun + " " + (item + 1) + (id.isTextual() && !id.asText().isBlank() ? " (" + id.asText() + ")" : "");
    }

    /** What one item of a list is called: "Change" for the list at {@code changes}, "Benefit" for {@code justification.benefits}. */
    static String noun(QuestionTopic topic) {
        String list = topic.getRepeat() == null ? topic.getId() : topic.getRepeat().substring(topic.getRepeat().lastIndexOf('.') + 1);
        return AnswerView.label(list).replaceAll("s$", "");
    }

    private static Input input(QuestionForm form, Slot slot, ObjectNode draft, String error, boolean repeated) {
        Question q = slot.question();
        JsonNode answer = JsonPaths.get(draft, slot.path());
        String id = htmlId(slot.path());
        List<String> chosen = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(v -> chosen.add(v.asText()));
        } else if (JsonPaths.present(answer)) {
            chosen.add(answer.isBigDecimal() ? answer.decimalValue().stripTrailingZeros().toPlainString() : answer.asText());
        }
        List<QuestionOption> source = switch (q.getType()) {
            case BOOLEAN -> List.of(new QuestionOption().value("true").label("Yes"),
                    new QuestionOption().value("false").label("No"));
            default -> form.options(q, draft);
        };
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            QuestionOption o = source.get(i);
            options.add(new Option(o.getValue(), o.getLabel(), o.getHint(), chosen.contains(o.getValue()),
                    i == 0 ? id : id + "-" + (i + 1)));
        }
        String control = switch (q.getType()) {
            case MULTI_CHOICE -> "checkboxes";
            case CHOICE -> repeated && options.size() > 7 ? "select" : "radios";
            case BOOLEAN, YES_NO_UNKNOWN -> "radios";
            case NUMBER, INTEGER -> "number";
            case DATE -> "date";
            default -> q.getMaxLength() != null && q.getMaxLength() > 500 ? "textarea" : "input";
        };
        return new Input(slot.path(), id, q.getText(), q.getHelp(), control, options,
                chosen.isEmpty() ? "" : chosen.get(0), q.getUnit(), q.getMaxLength(), error);
    }

    static List<TopicAnswers> answers(QuestionForm form, ObjectNode draft, Map<String, String> errors) {
        List<TopicAnswers> topics = new ArrayList<>();
        for (QuestionTopic topic : form.topics()) {
            boolean repeated = QuestionForm.repeated(topic);
            if (!form.applies(topic, draft) && (!repeated || form.items(topic, draft) == 0)) {
                continue;
            }
            Map<Integer, List<Row>> byItem = new LinkedHashMap<>();
            for (int i = 0; i < form.items(topic, draft); i++) {
                byItem.put(repeated ? i : -1, new ArrayList<>());
            }
            for (Slot slot : form.askedSlots(topic, draft)) {
                JsonNode answer = JsonPaths.get(draft, slot.path());
                String shown = form.display(slot.question(), answer, draft);
                byItem.get(slot.item()).add(new Row(slot.question().getText(),
                        shown.isEmpty() ? (Boolean.TRUE.equals(slot.question().getRequired()) ? "Not answered" : "Not given")
                                : shown,
                        errors.get(slot.path()), htmlId(slot.path()), !shown.isEmpty()));
            }
            List<RowGroup> groups = new ArrayList<>();
            byItem.forEach((item, rows) -> groups.add(new RowGroup(item < 0 ? null : itemName(topic, item, draft), rows)));
            topics.add(new TopicAnswers(topic.getId(), topic.getTitle(), repeated, groups));
        }
        return topics;
    }
}
