package uk.dmadvisor.service.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import uk.dmadvisor.dmn.ClasspathModels;
import uk.dmadvisor.dmn.ModelVariable;

/**
 * The question catalogues tie three things together: the contract's request fields, the questions, and the model
 * inputs. Every question's field must exist in the contract with a matching type, and every contract enum that feeds
 * a model input must list exactly the input's allowed values; every enum the contract returns for a decision must
 * list exactly that decision's allowed values.
 */
class QuestionCatalogueContractTest {

    /** Response schemas whose values are a decision's outcome, by model and decision name. */
    private static final List<String[]> DECISION_ENUMS = List.of(
            new String[] {"Recommendation", "designation", "Recommendation"},
            new String[] {"Route", "change-control", "Change route"});

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode CONTRACT = read("static/openapi.yaml");

    @TestFactory
    Stream<DynamicTest> everyQuestionMatchesTheContractAndTheModel() {
        List<ClasspathModels.RawFile> catalogues = ClasspathModels.read("classpath*:models/*.questions.yaml");
        assertThat(catalogues).as("question catalogues").isNotEmpty();
        return catalogues.stream().map(file -> DynamicTest.dynamicTest(file.fileName(), () -> {
            JsonNode catalogue = YAML.readTree(file.content());
            Map<String, ModelVariable> inputs = ModelVariable.inputs(modelFile(catalogue.path("model").asText()));
            JsonNode request = requestSchema(catalogue.path("endpoint").asText());
            List<String> problems = new ArrayList<>();
            for (JsonNode topic : catalogue.path("topics")) {
                String prefix = topic.path("repeat").isTextual() ? topic.path("repeat").asText() + "[]." : "";
                for (JsonNode question : topic.path("questions")) {
                    problems.addAll(check(question, prefix + question.path("field").asText(), request, inputs));
                }
            }
            assertThat(problems).as("questions of %s against the contract and the model", file.fileName()).isEmpty();
        }));
    }

    @Test
    void everyDecisionEnumInTheContractListsTheDecisionsAllowedValues() {
        for (String[] mapping : DECISION_ENUMS) {
            ModelVariable decision = ModelVariable.decisions(modelFile(mapping[1])).get(mapping[2]);
            assertThat(decision).as("decision %s of %s", mapping[2], mapping[1]).isNotNull();
            assertThat(values(resolve(CONTRACT.path("components").path("schemas").path(mapping[0])).path("enum")))
                    .as("contract enum %s against decision %s", mapping[0], mapping[2])
                    .isEqualTo(new TreeSet<>(decision.allowedValues()));
        }
    }

    private static List<String> check(JsonNode question, String path, JsonNode request, Map<String, ModelVariable> inputs) {
        String at = "question " + question.path("id").asText() + " (" + path + "): ";
        JsonNode schema = schemaAt(request, path);
        if (schema == null) {
            return List.of(at + "no such field in the request schema");
        }
        List<String> problems = new ArrayList<>();
        String type = question.path("type").asText();
        boolean list = type.equals("MULTI_CHOICE");
        JsonNode valueSchema = list ? resolve(schema.path("items")) : schema;
        if (list && !schema.path("type").asText().equals("array")) {
            problems.add(at + "answers a list, but the contract field is " + schema.path("type").asText());
        }
        String contractType = valueSchema.path("type").asText();
        Set<String> contractEnum = values(valueSchema.path("enum"));
        switch (type) {
            case "BOOLEAN" -> expect(problems, at, contractType, "boolean");
            case "INTEGER" -> expect(problems, at, contractType, "integer");
            case "NUMBER" -> {
                if (!contractType.equals("number") && !contractType.equals("integer")) {
                    problems.add(at + "answers a number, but the contract field is " + contractType);
                }
            }
            case "TEXT", "DATE" -> expect(problems, at, contractType, "string");
            default -> {
                if (question.path("optionsFrom").isTextual()) {
                    expect(problems, at, contractType, "string");
                } else if (!contractEnum.equals(values(question.path("options"), "value"))) {
                    problems.add(at + "options " + values(question.path("options"), "value")
                            + " differ from the contract enum " + contractEnum);
                }
            }
        }
        if (!question.path("derived").asBoolean(false)) {
            for (JsonNode name : question.path("inputs")) {
                ModelVariable input = inputs.get(name.asText());
                if (input != null && !input.allowedValues().isEmpty()
                        && !contractEnum.equals(new TreeSet<>(input.allowedValues()))) {
                    problems.add(at + "the contract enum " + contractEnum + " differs from the allowed values "
                            + new TreeSet<>(input.allowedValues()) + " of the model input " + name.asText());
                }
            }
        }
        return problems;
    }

    private static void expect(List<String> problems, String at, String actual, String expected) {
        if (!actual.equals(expected)) {
            problems.add(at + "the contract field is " + (actual.isEmpty() ? "untyped" : actual) + ", not " + expected);
        }
    }

    /** The schema at a dot path such as {@code changes[].siteIds}, or null where the contract has no such field. */
    private static JsonNode schemaAt(JsonNode root, String path) {
        JsonNode schema = resolve(root);
        for (String segment : path.split("\\.")) {
            boolean item = segment.endsWith("[]");
            String name = item ? segment.substring(0, segment.length() - 2) : segment;
            JsonNode property = properties(schema).path(name);
            if (property.isMissingNode()) {
                return null;
            }
            schema = resolve(property);
            if (item) {
                schema = resolve(schema.path("items"));
            }
        }
        return schema;
    }

    private static JsonNode properties(JsonNode schema) {
        if (schema.has("allOf")) {
            ObjectNode merged = YAML.createObjectNode();
            schema.path("allOf").forEach(part -> properties(resolve(part)).properties()
                    .forEach(p -> merged.set(p.getKey(), p.getValue())));
            return merged;
        }
        return schema.path("properties");
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            current = CONTRACT.at(ref.substring(1));
        }
        return current;
    }

    private static JsonNode requestSchema(String endpoint) {
        JsonNode schema = CONTRACT.path("paths").path(endpoint).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as("a JSON request body for POST %s in the contract", endpoint).isFalse();
        return schema;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> values(JsonNode array, String field) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.path(field).asText()));
        return values;
    }

    private static byte[] modelFile(String model) {
        return ClasspathModels.read("classpath*:models/" + model + ".dmn").stream().findFirst()
                .orElseThrow(() -> new AssertionError("no model file " + model + ".dmn")).content();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = QuestionCatalogueContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
