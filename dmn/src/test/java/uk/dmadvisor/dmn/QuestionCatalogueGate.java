package uk.dmadvisor.dmn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The part of the model gate that checks a model's question catalogue ({@code <model>.questions.yaml}): every input
 * of the model is asked by some question, every question is well formed, and a question that feeds an input answers
 * in the input's own type and allowed values.
 */
final class QuestionCatalogueGate {

    static final Set<String> TYPES = Set.of("CHOICE", "MULTI_CHOICE", "BOOLEAN", "YES_NO_UNKNOWN", "NUMBER", "INTEGER",
            "TEXT", "DATE");
    private static final Set<String> WITH_OPTIONS = Set.of("CHOICE", "MULTI_CHOICE", "YES_NO_UNKNOWN");
    private static final Set<String> CATALOGUE_KEYS = Set.of("model", "modelVersion", "endpoint", "topics");
    private static final Set<String> TOPIC_KEYS = Set.of("id", "title", "intro", "repeat", "questions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "field", "inputs", "text", "help", "type", "required",
            "options", "optionsFrom", "unit", "min", "max", "minExclusive", "maxExclusive", "maxLength", "derived",
            "askedWhen");
    private static final Set<String> OPTION_KEYS = Set.of("value", "label", "hint");
    private static final Set<String> CONDITION_KEYS = Set.of("question", "equals", "in", "notIn", "answered");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String where;
    private final List<String> problems = new ArrayList<>();

    private QuestionCatalogueGate(String where) {
        this.where = where;
    }

    /** Problems of the catalogue of the model whose DMN root element is given; {@code questions} may be null. */
    static List<String> check(String fileName, Element model, byte[] questions) {
        String catalogueName = fileName.replaceFirst("\\.dmn$", "") + ".questions.yaml";
        QuestionCatalogueGate gate = new QuestionCatalogueGate(catalogueName);
        if (questions == null) {
            gate.problem("missing: every input of " + fileName + " needs a question");
            return gate.problems;
        }
        JsonNode root;
        try {
            root = YAML.readTree(questions);
        } catch (IOException e) {
            gate.problem("not valid YAML: " + e.getMessage());
            return gate.problems;
        }
        gate.checkCatalogue(root, model);
        return gate.problems;
    }

    private void checkCatalogue(JsonNode root, Element model) {
        if (root == null || !root.isObject()) {
            problem("is not a mapping");
            return;
        }
        keys(root, CATALOGUE_KEYS, "the catalogue");
        if (!model.getAttribute("name").equals(root.path("model").asText())) {
            problem("names model '" + root.path("model").asText() + "', but the DMN model is '" + model.getAttribute("name") + "'");
        }
        String version = model.getAttributeNS(DecisionModels.VERSION_ATTRIBUTE.getNamespaceURI(), "version");
        if (!version.equals(root.path("modelVersion").asText())) {
            problem("has modelVersion '" + root.path("modelVersion").asText() + "', but the model is version '" + version + "'");
        }
        if (root.path("endpoint").asText().isBlank()) {
            problem("names no endpoint");
        }
        Map<String, ModelVariable> inputs = ModelVariable.inputs(model);
        Set<String> asked = new LinkedHashSet<>();
        Map<String, String> scopeOfQuestion = new HashMap<>();
        Set<String> topicIds = new LinkedHashSet<>();
        JsonNode topics = root.path("topics");
        if (!topics.isArray() || topics.isEmpty()) {
            problem("has no topics");
            return;
        }
        for (JsonNode topic : topics) {
            String topicId = topic.path("id").asText();
            String at = "topic '" + topicId + "'";
            keys(topic, TOPIC_KEYS, at);
            if (topicId.isBlank() || !topicIds.add(topicId)) {
                problem(at + " has a missing or repeated id");
            }
            if (topic.path("title").asText().isBlank()) {
                problem(at + " has no title");
            }
            String scope = topic.path("repeat").isTextual() ? topic.path("repeat").asText() : "";
            if (!topic.path("questions").isArray() || topic.path("questions").isEmpty()) {
                problem(at + " has no questions");
                continue;
            }
            for (JsonNode question : topic.path("questions")) {
                checkQuestion(question, scope, inputs, scopeOfQuestion);
                question.path("inputs").forEach(i -> asked.add(i.asText()));
                if (question.path("id").isTextual()) {
                    scopeOfQuestion.putIfAbsent(question.path("id").asText(), scope);
                }
            }
        }
        for (String input : inputs.keySet()) {
            if (!asked.contains(input)) {
                problem("asks no question for the model input '" + input + "'");
            }
        }
    }

    private void checkQuestion(JsonNode question, String scope, Map<String, ModelVariable> inputs,
                               Map<String, String> earlier) {
        String id = question.path("id").asText();
        String at = "question '" + id + "'";
        keys(question, QUESTION_KEYS, at);
        if (id.isBlank() || earlier.containsKey(id)) {
            problem(at + " has a missing or repeated id");
        }
        for (String required : List.of("field", "text", "help", "type")) {
            if (question.path(required).asText().isBlank()) {
                problem(at + " has no " + required);
            }
        }
        String type = question.path("type").asText();
        if (!TYPES.contains(type)) {
            problem(at + " has type '" + type + "', not one of " + new TreeSet<>(TYPES));
        }
        Set<String> optionValues = options(question, at);
        boolean hasOptionSource = question.path("optionsFrom").isTextual();
        if (WITH_OPTIONS.contains(type) && optionValues.isEmpty() && !hasOptionSource) {
            problem(at + " of type " + type + " lists no options and no optionsFrom");
        }
        if (!WITH_OPTIONS.contains(type) && (!optionValues.isEmpty() || hasOptionSource)) {
            problem(at + " of type " + type + " must not list options");
        }
        for (JsonNode condition : question.path("askedWhen")) {
            keys(condition, CONDITION_KEYS, at + " askedWhen");
            String target = condition.path("question").asText();
            String targetScope = earlier.get(target);
            if (targetScope == null) {
                problem(at + " is asked when '" + target + "' answers, but no earlier question has that id");
            } else if (!targetScope.isEmpty() && !targetScope.equals(scope)) {
                problem(at + " depends on '" + target + "', which is asked per item of another list");
            }
            int tests = 0;
            for (String test : List.of("equals", "in", "notIn", "answered")) {
                tests += condition.has(test) ? 1 : 0;
            }
            if (tests != 1) {
                problem(at + " has an askedWhen condition that must say exactly one of equals, in, notIn or answered");
            }
        }
        boolean derived = question.path("derived").asBoolean(false);
        for (JsonNode inputName : question.path("inputs")) {
            ModelVariable input = inputs.get(inputName.asText());
            if (input == null) {
                problem(at + " feeds '" + inputName.asText() + "', which is not an input of the model");
            } else if (!derived) {
                String mismatch = mismatch(type, optionValues, hasOptionSource, input);
                if (mismatch != null) {
                    problem(at + " feeds '" + inputName.asText() + "' but " + mismatch
                            + " (mark the question derived: true only if the service derives the input)");
                }
            }
        }
    }

    private static String mismatch(String type, Set<String> options, boolean optionsFromRequest, ModelVariable input) {
        switch (type) {
            case "BOOLEAN":
                return input.baseType().equals("boolean") && !input.collection() ? null
                        : "answers yes/no while the input is " + describe(input);
            case "NUMBER":
            case "INTEGER":
                return input.baseType().equals("number") && !input.collection() ? null
                        : "answers a number while the input is " + describe(input);
            case "TEXT":
                return input.baseType().equals("string") && !input.collection() && input.allowedValues().isEmpty() ? null
                        : "answers free text while the input is " + describe(input);
            case "DATE":
                return input.baseType().equals("date") ? null : "answers a date while the input is " + describe(input);
            case "MULTI_CHOICE":
                if (!input.collection()) {
                    return "answers a list while the input is " + describe(input);
                }
                return sameValues(options, optionsFromRequest, input);
            default:
                if (input.collection()) {
                    return "answers one value while the input is " + describe(input);
                }
                return sameValues(options, optionsFromRequest, input);
        }
    }

    private static String sameValues(Set<String> options, boolean optionsFromRequest, ModelVariable input) {
        if (optionsFromRequest || input.allowedValues().isEmpty() && input.baseType().equals("string")) {
            return null;
        }
        return new TreeSet<>(options).equals(new TreeSet<>(input.allowedValues())) ? null
                : "its options " + new TreeSet<>(options) + " differ from the input's allowed values "
                + new TreeSet<>(input.allowedValues());
    }

    private static String describe(ModelVariable input) {
        return (input.collection() ? "a list of " : "") + input.baseType()
                + (input.allowedValues().isEmpty() ? "" : " " + input.allowedValues());
    }

    private Set<String> options(JsonNode question, String at) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode option : question.path("options")) {
            keys(option, OPTION_KEYS, at + " option");
            String value = option.path("value").asText();
            if (value.isBlank() || !values.add(value)) {
                problem(at + " has an option with a missing or repeated value");
            }
            if (option.path("label").asText().isBlank()) {
                problem(at + " has an option '" + value + "' without a label");
            }
        }
        return values;
    }

    private void keys(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(at + " has an unknown key '" + name + "'");
            }
        }
    }

    private void problem(String text) {
        problems.add(where + ": " + text);
    }

}
