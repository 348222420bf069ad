package uk.dmadvisor.service.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import uk.dmadvisor.api.model.Question;
import uk.dmadvisor.api.model.QuestionCondition;
import uk.dmadvisor.api.model.QuestionOption;
import uk.dmadvisor.api.model.QuestionTopic;
import uk.dmadvisor.api.model.Questionnaire;

/**
 * A question catalogue read as a form: which questions a draft request asks (their {@code askedWhen} conditions),
 * how a form's answers go into the request by each question's {@code field}, and the checks a page makes before
 * the next one. Nothing here knows a particular model: a new or changed catalogue changes the pages.
 */
public final class QuestionForm {

    /** A question as asked: once for a plain topic, once per item of a repeated one. {@code item} is -1 if plain. */
    public record Slot(QuestionTopic topic, Question question, int item, String path, String itemPath) {

        String id() {
            return item < 0 ? question.getId() : question.getId() + "-" + item;
        }
    }

    private final Questionnaire questionnaire;
    private final Map<String, QuestionTopic> topicOfQuestion = new LinkedHashMap<>();
    private final Map<String, Question> questions = new LinkedHashMap<>();

    QuestionForm(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
        for (QuestionTopic topic : questionnaire.getTopics()) {
            for (Question question : topic.getQuestions()) {
                topicOfQuestion.put(question.getId(), topic);
                questions.put(question.getId(), question);
            }
        }
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    public List<QuestionTopic> topics() {
        return questionnaire.getTopics();
    }

    QuestionTopic topic(String id) {
        return topics().stream().filter(t -> t.getId().equals(id)).findFirst().orElse(null);
    }

    static boolean repeated(QuestionTopic topic) {
        return topic.getRepeat() != null && !topic.getRepeat().isBlank();
    }

    /** Every question instance of the topic for the draft, asked or not. */
    List<Slot> slots(QuestionTopic topic, ObjectNode draft) {
        List<Slot> slots = new ArrayList<>();
        if (!repeated(topic)) {
            topic.getQuestions().forEach(q -> slots.add(new Slot(topic, q, -1, q.getField(), "")));
            return slots;
        }
        int items = JsonPaths.get(draft, topic.getRepeat()).size();
        for (int i = 0; i < items; i++) {
            String itemPath = JsonPaths.item(topic.getRepeat(), i);
            for (Question q : topic.getQuestions()) {
                slots.add(new Slot(topic, q, i, JsonPaths.join(itemPath, q.getField()), itemPath));
            }
        }
        return slots;
    }

    List<Slot> askedSlots(QuestionTopic topic, ObjectNode draft) {
        return slots(topic, draft).stream().filter(s -> asked(s, draft)).toList();
    }

    /**
     * Whether the topic asks anything of this draft: a question of it is asked (for a list, would be asked of a new
     * item). A topic that asks nothing (the modular unit of a product made at the bedside) is passed over.
     */
    boolean applies(QuestionTopic topic, ObjectNode draft) {
        if (!repeated(topic)) {
            return !askedSlots(topic, draft).isEmpty();
        }
        int next = JsonPaths.get(draft, topic.getRepeat()).size();
        String itemPath = JsonPaths.item(topic.getRepeat(), next);
        return topic.getQuestions().stream().anyMatch(q ->
                asked(new Slot(topic, q, next, JsonPaths.join(itemPath, q.getField()), itemPath), draft));
    }

    /** The next topic that asks something after the given index (-1 for the first), or null. */
    QuestionTopic next(int index, ObjectNode draft) {
        for (int i = index + 1; i < topics().size(); i++) {
            if (applies(topics().get(i), draft)) {
                return topics().get(i);
            }
        }
        return null;
    }

    /** The last topic that asks something before the given index, or null. */
    QuestionTopic previous(int index, ObjectNode draft) {
        for (int i = index - 1; i >= 0; i--) {
            if (applies(topics().get(i), draft)) {
                return topics().get(i);
            }
        }
        return null;
    }

    int items(QuestionTopic topic, ObjectNode draft) {
        return repeated(topic) ? JsonPaths.get(draft, topic.getRepeat()).size() : 1;
    }

    boolean asked(Slot slot, ObjectNode draft) {
        List<QuestionCondition> conditions = slot.question().getAskedWhen();
        if (conditions == null) {
            return true;
        }
        for (QuestionCondition condition : conditions) {
            if (!holds(condition, answerOf(condition.getQuestion(), slot, draft))) {
                return false;
            }
        }
        return true;
    }

    /** The answer of an earlier question: in the same item when both are asked per item, else in the request. */
    private JsonNode answerOf(String questionId, Slot asking, ObjectNode draft) {
        Question target = questions.get(questionId);
        QuestionTopic topic = topicOfQuestion.get(questionId);
        if (target == null) {
            return null;
        }
        String path = repeated(topic) ? JsonPaths.join(asking.itemPath(), target.getField()) : target.getField();
        if (repeated(topic) && asking.item() < 0) {
            return null;
        }
        Slot targetSlot = new Slot(topic, target, asking.item(), path, asking.itemPath());
        return asked(targetSlot, draft) ? JsonPaths.get(draft, path) : null;
    }

    private static boolean holds(QuestionCondition condition, JsonNode answer) {
        boolean present = JsonPaths.present(answer);
        if (condition.getAnswered() != null) {
            return condition.getAnswered() == present;
        }
        List<String> values = new ArrayList<>();
        if (present) {
            if (answer.isArray()) {
                answer.forEach(v -> values.add(v.asText()));
            } else {
                values.add(answer.asText());
            }
        }
        if (condition.getExpectedAnswer() != null) {
            return values.contains(String.valueOf(condition.getExpectedAnswer()));
        }
        if (condition.getIn() != null && !condition.getIn().isEmpty()) {
            return condition.getIn().stream().map(String::valueOf).anyMatch(values::contains);
        }
        if (condition.getNotIn() != null && !condition.getNotIn().isEmpty()) {
            return condition.getNotIn().stream().map(String::valueOf).noneMatch(values::contains);
        }
        return true;
    }

    /** Puts a form's answer for one slot into the draft (or takes it out when blank). */
    void answer(ObjectNode draft, Slot slot, List<String> raw) {
        JsonNode value = value(slot.question(), raw == null ? List.of() : raw);
        if (value == null) {
            JsonPaths.remove(draft, slot.path());
        } else {
            JsonPaths.set(draft, slot.path(), value);
        }
    }

    static JsonNode value(Question question, List<String> raw) {
        List<String> given = raw.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (given.isEmpty()) {
            return null;
        }
        String first = given.get(0);
        switch (question.getType()) {
            case MULTI_CHOICE: {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                given.stream().distinct().forEach(array::add);
                return array;
            }
            case BOOLEAN:
                return "true".equals(first) ? BooleanNode.TRUE : "false".equals(first) ? BooleanNode.FALSE
                        : TextNode.valueOf(first);
            case NUMBER:
            case INTEGER:
                BigDecimal number = number(first);
                return number == null ? TextNode.valueOf(first) : DecimalNode.valueOf(number);
            default:
                return TextNode.valueOf(first);
        }
    }

    static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Takes out the answers of questions that the other answers no longer ask, then empty objects and lists. */
    void pruneUnasked(ObjectNode draft) {
        boolean changed = true;
        for (int round = 0; changed && round < 10; round++) {
            changed = false;
            for (QuestionTopic topic : topics()) {
                for (Slot slot : slots(topic, draft)) {
                    if (JsonPaths.get(draft, slot.path()).isMissingNode() || asked(slot, draft)) {
                        continue;
                    }
                    JsonPaths.remove(draft, slot.path());
                    changed = true;
                }
            }
        }
        JsonPaths.prune(draft);
    }

    /** The values a question offers: its own options, or the current values of the request list it names. */
    List<QuestionOption> options(Question question, ObjectNode draft) {
        if (question.getOptionsFrom() == null || question.getOptionsFrom().isBlank()) {
            return question.getOptions() == null ? List.of() : question.getOptions();
        }
        String[] parts = question.getOptionsFrom().split("\\[\\]\\.?", 2);
        List<QuestionOption> options = new ArrayList<>();
        for (JsonNode item : JsonPaths.get(draft, parts[0])) {
            JsonNode value = parts.length > 1 && !parts[1].isEmpty() ? JsonPaths.get(item, parts[1]) : item;
            if (JsonPaths.present(value) && options.stream().noneMatch(o -> o.getValue().equals(value.asText()))) {
                options.add(new QuestionOption().value(value.asText()).label(value.asText()));
            }
        }
        return options;
    }

    /**
     * The checks a topic page makes before moving on, from what the catalogue declares: asked and required
     * questions answered, numbers that are numbers within their bounds, text within its length, known options.
     * The request is checked in full, as the API checks it, when it is sent.
     */
    Map<String, String> check(QuestionTopic topic, ObjectNode draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Slot slot : askedSlots(topic, draft)) {
            Question q = slot.question();
            JsonNode answer = JsonPaths.get(draft, slot.path());
            if (!JsonPaths.present(answer)) {
                if (Boolean.TRUE.equals(q.getRequired())) {
                    errors.put(slot.path(), switch (q.getType()) {
                        case TEXT, NUMBER, INTEGER, DATE -> "Enter an answer";
                        case MULTI_CHOICE -> "Select at least one";
                        default -> "Select an answer";
                    });
                }
                continue;
            }
            String problem = switch (q.getType()) {
                case NUMBER, INTEGER -> numberProblem(q, answer);
                case TEXT -> q.getMaxLength() != null && answer.asText().length() > q.getMaxLength()
                        ? "Enter no more than " + q.getMaxLength() + " characters" : null;
                case BOOLEAN -> answer.isBoolean() ? null : "Select yes or no";
                case CHOICE, YES_NO_UNKNOWN, MULTI_CHOICE -> optionProblem(q, answer, draft);
                default -> null;
            };
            if (problem != null) {
                errors.put(slot.path(), problem);
            }
        }
        return errors;
    }

    private String optionProblem(Question q, JsonNode answer, ObjectNode draft) {
        List<String> allowed = options(q, draft).stream().map(QuestionOption::getValue).toList();
        for (JsonNode value : answer.isArray() ? answer : List.of(answer)) {
            if (!allowed.contains(value.asText())) {
                return "\"" + value.asText() + "\" is not one of the choices";
            }
        }
        return null;
    }

    private static String numberProblem(Question q, JsonNode answer) {
        if (!answer.isNumber()) {
            return "Enter a number" + (q.getUnit() == null ? "" : " of " + q.getUnit());
        }
        BigDecimal value = answer.decimalValue();
        if (q.getType() == Question.TypeEnum.INTEGER && value.stripTrailingZeros().scale() > 0) {
            return "Enter a whole number";
        }
        if (q.getMin() != null) {
            int c = value.compareTo(q.getMin());
            if (c < 0 || c == 0 && Boolean.TRUE.equals(q.getMinExclusive())) {
                return "Enter a number " + (Boolean.TRUE.equals(q.getMinExclusive()) ? "greater than " : "of at least ")
                        + q.getMin().stripTrailingZeros().toPlainString();
            }
        }
        if (q.getMax() != null) {
            int c = value.compareTo(q.getMax());
            if (c > 0 || c == 0 && Boolean.TRUE.equals(q.getMaxExclusive())) {
                return "Enter a number " + (Boolean.TRUE.equals(q.getMaxExclusive()) ? "less than " : "of at most ")
                        + q.getMax().stripTrailingZeros().toPlainString();
            }
        }
        return null;
    }

    /** How an answer reads back to a person: option labels, yes or no, numbers with their unit. */
    String display(Question q, JsonNode answer, ObjectNode draft) {
        if (!JsonPaths.present(answer)) {
            return "";
        }
        List<QuestionOption> options = options(q, draft);
        List<String> parts = new ArrayList<>();
        for (JsonNode value : answer.isArray() ? answer : List.of(answer)) {
            String text = value.isBigDecimal() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
            if (q.getType() == Question.TypeEnum.BOOLEAN && value.isBoolean()) {
                text = value.asBoolean() ? "Yes" : "No";
            } else if (value.isNumber() && q.getUnit() != null) {
                text = text + " " + q.getUnit();
            } else {
                String raw = text;
                text = options.stream().filter(o -> o.getValue().equals(raw)).map(QuestionOption::getLabel)
                        .findFirst().orElse(raw);
            }
            parts.add(text);
        }
        return String.join("; ", parts);
    }

    /** The slot a problem's field names: the question at that path, within it, or the first under it. */
    Slot slotFor(String field, ObjectNode draft) {
        if (field == null || field.isBlank()) {
            return null;
        }
        Slot under = null;
        Slot within = null;
        for (QuestionTopic topic : topics()) {
            for (Slot slot : slots(topic, draft)) {
                if (slot.path().equals(field)) {
                    return slot;
                }
                if (within == null && (field.startsWith(slot.path() + ".") || field.startsWith(slot.path() + "["))) {
                    within = slot;
                }
                if (under == null && (slot.path().startsWith(field + ".") || slot.path().startsWith(field + "["))
                        && asked(slot, draft)) {
                    under = slot;
                }
            }
        }
        return within != null ? within : under;
    }
}
