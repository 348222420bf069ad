package uk.dmadvisor.service.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.media.Schema;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid JSON instances of an OpenAPI 3.0 schema (references already resolved): every required property, optional
 * ones at random, enum values, strings and numbers within their bounds, arrays within their sizes. Lists are kept
 * short so that a bounded run stays quick; the contract's own examples supply the larger, meaningful requests.
 */
final class Instances {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The longest list generated, whatever the schema allows. */
    private static final int MOST_ITEMS = 4;
    private static final int LONGEST_STRING = 40;

    private Instances() {
    }

    static Arbitrary<JsonNode> of(Schema<?> schema) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return Arbitraries.of(schema.getEnum()).map(NODES::pojoNode).map(Instances::plain);
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> array(schema);
            case "string" -> string(schema);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> Arbitraries.just(NODES.objectNode());
        };
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "object";
    }

    /** An enum value read as a POJO node becomes the plain JSON value it stands for. */
    private static JsonNode plain(JsonNode node) {
        Object value = node.isPojo() ? ((com.fasterxml.jackson.databind.node.POJONode) node).getPojo() : node;
        return value instanceof JsonNode json ? json
                : value instanceof Number n ? NODES.numberNode(new BigDecimal(n.toString()))
                : value instanceof Boolean b ? NODES.booleanNode(b) : NODES.textNode(String.valueOf(value));
    }

    private static Arbitrary<JsonNode> object(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.isEmpty()) {
            // A free-form object: empty, or a few string members.
            return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                    Arbitraries.strings().alpha().ofMaxLength(8)).ofMaxSize(3).map(m -> {
                        ObjectNode node = NODES.objectNode();
                        m.forEach(node::put);
                        return node;
                    });
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> members = new ArrayList<>();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            Arbitrary<Optional<Map.Entry<String, JsonNode>>> value = of(property.getValue())
                    .map(v -> Optional.of(Map.entry(property.getKey(), v)));
            members.add(required.contains(property.getKey()) ? value
                    : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, value),
                            net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.empty()))));
        }
        return Combinators.combine(members).as(entries -> {
            ObjectNode node = NODES.objectNode();
            entries.forEach(e -> e.ifPresent(m -> node.set(m.getKey(), m.getValue())));
            return node;
        });
    }

    private static Arbitrary<JsonNode> array(Schema<?> schema) {
        int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
        int max = Math.max(min, Math.min(MOST_ITEMS, schema.getMaxItems() == null ? MOST_ITEMS : schema.getMaxItems()));
        var list = of(schema.getItems()).list().ofMinSize(min).ofMaxSize(max);
        return (Boolean.TRUE.equals(schema.getUniqueItems()) ? list.uniqueElements() : list).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
    }

    private static Arbitrary<JsonNode> string(Schema<?> schema) {
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = Math.max(min, Math.min(LONGEST_STRING, schema.getMaxLength() == null ? LONGEST_STRING : schema.getMaxLength()));
        if ("date-time".equals(schema.getFormat())) {
            return Arbitraries.just(NODES.textNode("2026-11-26T12:00:00Z"));
        }
        // Any character a JSON string can carry, beyond ASCII, but no lone surrogate (not a Unicode string).
        return Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars('\n', '\t', '"', '\\', '/')
                .ofMinLength(min).ofMaxLength(max).map(NODES::textNode);
    }

    private static Arbitrary<JsonNode> integer(Schema<?> schema) {
        long min = schema.getMinimum() == null ? -1_000_000 : schema.getMinimum().longValue()
                + (Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? 1 : 0);
        long max = schema.getMaximum() == null ? 1_000_000 : schema.getMaximum().longValue()
                - (Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? 1 : 0);
        return Arbitraries.longs().between(min, max).map(NODES::numberNode);
    }

    private static Arbitrary<JsonNode> number(Schema<?> schema) {
        double min = schema.getMinimum() == null ? -1e6 : schema.getMinimum().doubleValue();
        double max = schema.getMaximum() == null ? 1e6 : schema.getMaximum().doubleValue();
        var doubles = Arbitraries.doubles().between(min, !Boolean.TRUE.equals(schema.getExclusiveMinimum()), max,
                !Boolean.TRUE.equals(schema.getExclusiveMaximum())).ofScale(2);
        return doubles.filter(d -> !Boolean.TRUE.equals(schema.getExclusiveMinimum()) || d > min)
                .map(d -> NODES.numberNode(BigDecimal.valueOf(d)));
    }
}
