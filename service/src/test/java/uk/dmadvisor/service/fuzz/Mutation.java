package uk.dmadvisor.service.fuzz;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Breaks a valid request in one of the ways clients get requests wrong, at a random place in it. The result is a
 * raw body, since some faults (invalid UTF-8, duplicate keys, truncation, nesting beyond the parser's limit)
 * cannot be expressed as a JSON tree.
 */
enum Mutation {

    WRONG_TYPE, MISSING_FIELD, EXTRA_FIELD, UNKNOWN_ENUM_VALUE, BOUNDARY_NUMBER, ABSURD_NUMBER, LONG_STRING,
    DEEP_NESTING, INVALID_UTF8, DUPLICATE_ID, DUPLICATE_KEY, EMPTY_LIST, OVERSIZED_LIST, NULL_VALUE, TRUNCATED,
    NOT_AN_OBJECT;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARK = "\u0000fuzz-mark\u0000";
    private static final String MARK_JSON = "\"\\u0000fuzz-mark\\u0000\"";

    /** Where a value sits: its parent and its name or index, or the root. */
    private record Place(JsonNode parent, String field, int index, JsonNode value) {
    }

    byte[] apply(JsonNode valid, Random random) {
        JsonNode tree = valid.deepCopy();
        List<Place> places = new ArrayList<>();
        collect(null, null, -1, tree, places);
        switch (this) {
            case WRONG_TYPE -> {
                Place p = pick(places, random, null);
                tree = replace(tree, p, otherType(p.value(), random));
            }
            case MISSING_FIELD -> {
                Place p = pick(places, random, q -> q.field() != null);
                if (p != null) {
                    ((ObjectNode) p.parent()).remove(p.field());
                }
            }
            case EXTRA_FIELD -> {
                Place p = pick(places, random, q -> q.value().isObject());
                ((ObjectNode) (p == null ? tree : p.value())).put("unexpected" + random.nextInt(100), "value");
            }
            case UNKNOWN_ENUM_VALUE -> {
                Place p = pick(places, random, q -> q.value().isTextual());
                if (p != null) {
                    tree = replace(tree, p, NODES.textNode("NOT_A_VALUE_" + random.nextInt(1000)));
                }
            }
            case BOUNDARY_NUMBER -> {
                Place p = pick(places, random, q -> q.value().isNumber());
                BigDecimal[] edges = {BigDecimal.ZERO, new BigDecimal("-0.0"), BigDecimal.ONE.negate(),
                        new BigDecimal("1E-300"), new BigDecimal("4.9E-324"), BigDecimal.ONE, new BigDecimal("0.5")};
                tree = replace(tree, p, NODES.numberNode(edges[random.nextInt(edges.length)]));
            }
            case ABSURD_NUMBER -> {
                Place p = pick(places, random, q -> q.value().isNumber());
                Object[] absurd = {new BigDecimal("1.7976931348623157E308"), new BigDecimal("-1E308"),
                        new BigDecimal("1E400"), new BigDecimal("-1E400"), new BigInteger("9".repeat(60)),
                        new BigDecimal("123456789.123456789123456789"), new BigInteger("9007199254740993")};
                Object n = absurd[random.nextInt(absurd.length)];
                tree = replace(tree, p, n instanceof BigInteger i ? NODES.numberNode(i) : NODES.numberNode((BigDecimal) n));
            }
            case LONG_STRING -> {
                Place p = pick(places, random, q -> q.value().isTextual());
                String unit = new String[] {"x", "é", "\u4e2d", "\uD83D\uDE00", "\\\"", " "}[random.nextInt(6)];
                tree = replace(tree, p, NODES.textNode(unit.repeat(1 + random.nextInt(200_000))));
            }
            case DEEP_NESTING -> {
                Place p = pick(places, random, null);
                tree = replace(tree, p, NODES.textNode(MARK));
                int depth = 500 + random.nextInt(5000);
                return text(tree).replace(MARK_JSON, "[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case INVALID_UTF8 -> {
                Place p = pick(places, random, null);
                tree = replace(tree, p, NODES.textNode(MARK));
                byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
                String[] halves = text(tree).split(java.util.regex.Pattern.quote(MARK_JSON), 2);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {'"'});
                out.writeBytes(bad[random.nextInt(bad.length)]);
                out.writeBytes(new byte[] {'"'});
                out.writeBytes(halves.length > 1 ? halves[1].getBytes(StandardCharsets.UTF_8) : new byte[0]);
                return out.toByteArray();
            }
            case DUPLICATE_ID -> {
                Place p = pick(places, random, q -> q.value().isArray() && !q.value().isEmpty());
                if (p != null) {
                    ArrayNode array = (ArrayNode) p.value();
                    array.add(array.get(random.nextInt(array.size())).deepCopy());
                }
            }
            case DUPLICATE_KEY -> {
                Place p = pick(places, random, q -> q.field() != null);
                if (p != null) {
                    String field = p.field();
                    ObjectNode parent = (ObjectNode) p.parent();
                    JsonNode value = parent.get(field);
                    parent.put(MARK, "x");
                    String body = text(tree);
                    String duplicate = NODES.textNode(field) + ":" + value;
                    return body.replace(MARK_JSON + ":\"x\"", duplicate).getBytes(StandardCharsets.UTF_8);
                }
            }
            case EMPTY_LIST -> {
                Place p = pick(places, random, q -> q.value().isArray());
                if (p != null) {
                    ((ArrayNode) p.value()).removeAll();
                }
            }
            case OVERSIZED_LIST -> {
                Place p = pick(places, random, q -> q.value().isArray() && !q.value().isEmpty());
                if (p != null) {
                    ArrayNode array = (ArrayNode) p.value();
                    JsonNode item = array.get(0);
                    // Just beyond every maxItems of the contract (500 sites, 2000 changes), or a few more than sent.
                    int size = random.nextBoolean() ? 8 : 2001;
                    while (array.size() < size) {
                        array.add(item.deepCopy());
                    }
                }
            }
            case NULL_VALUE -> {
                Place p = pick(places, random, null);
                tree = replace(tree, p, NODES.nullNode());
            }
            case TRUNCATED -> {
                byte[] body = text(tree).getBytes(StandardCharsets.UTF_8);
                return java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
            }
            case NOT_AN_OBJECT -> {
                String[] roots = {"[]", "\"request\"", "42", "true", "null", "", " ", "{}", "[{}]"};
                return roots[random.nextInt(roots.length)].getBytes(StandardCharsets.UTF_8);
            }
        }
        return text(tree).getBytes(StandardCharsets.UTF_8);
    }

    private static void collect(JsonNode parent, String field, int index, JsonNode value, List<Place> out) {
        out.add(new Place(parent, field, index, value));
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                collect(value, member.getKey(), -1, member.getValue(), out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value, null, i, value.get(i), out);
            }
        }
    }

    private static Place pick(List<Place> places, Random random, java.util.function.Predicate<Place> filter) {
        List<Place> candidates = filter == null ? places : places.stream().filter(filter).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** Puts a value where another was; replacing the root replaces the tree. */
    private static JsonNode replace(JsonNode tree, Place place, JsonNode value) {
        if (place == null || place.parent() == null) {
            return value;
        }
        if (place.field() != null) {
            ((ObjectNode) place.parent()).set(place.field(), value);
        } else {
            ((ArrayNode) place.parent()).set(place.index(), value);
        }
        return tree;
    }

    private static JsonNode otherType(JsonNode value, Random random) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("text"), NODES.numberNode(7),
                NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(), NODES.numberNode(new BigDecimal("2.5"))));
        others.removeIf(o -> o.getNodeType() == value.getNodeType());
        return others.get(random.nextInt(others.size()));
    }

    private static String text(JsonNode tree) {
        return tree.toString();
    }
}
