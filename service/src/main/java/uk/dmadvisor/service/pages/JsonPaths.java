package uk.dmadvisor.service.pages;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a request body by the dot paths the question catalogues and problem details use
 * ({@code pointOfCare.shelfLife.minutes}, {@code changes[2].siteIds}).
 */
final class JsonPaths {

    private JsonPaths() {
    }

    /** One step of a path: a field name, or an array index when {@code name} is null. */
    record Step(String name, int index) {
    }

    static List<Step> parse(String path) {
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                steps.add(new Step(name, -1));
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("Unbalanced brackets in " + path);
                }
                steps.add(new Step(null, Integer.parseInt(part.substring(bracket + 1, close))));
                bracket = part.indexOf('[', close);
            }
        }
        return steps;
    }

    static String join(String parent, String child) {
        return parent == null || parent.isEmpty() ? child : parent + "." + child;
    }

    static String item(String arrayPath, int index) {
        return arrayPath + "[" + index + "]";
    }

    static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (Step step : parse(path)) {
            if (node == null) {
                return MissingNode.getInstance();
            }
            node = step.name() != null ? node.path(step.name()) : node.path(step.index());
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull()
                && !(node.isArray() && node.isEmpty()) && !(node.isTextual() && node.asText().isEmpty());
    }

    /** Sets the value at the path, creating the objects and array items on the way. */
    static void set(ObjectNode root, String path, JsonNode value) {
        List<Step> steps = parse(path);
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            node = child(node, steps.get(i), steps.get(i + 1).name() == null);
        }
        Step last = steps.get(steps.size() - 1);
        if (last.name() != null) {
            ((ObjectNode) node).set(last.name(), value);
        } else {
            ArrayNode array = (ArrayNode) node;
            while (array.size() <= last.index()) {
                array.addObject();
            }
            array.set(last.index(), value);
        }
    }

    static void remove(ObjectNode root, String path) {
        List<Step> steps = parse(path);
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1 && node != null; i++) {
            Step step = steps.get(i);
            node = step.name() != null ? node.get(step.name()) : node.get(step.index());
        }
        Step last = steps.get(steps.size() - 1);
        if (node instanceof ObjectNode object && last.name() != null) {
            object.remove(last.name());
        } else if (node instanceof ArrayNode array && last.name() == null && last.index() < array.size()) {
            array.remove(last.index());
        }
    }

    /** The array at the path, created empty if absent. */
    static ArrayNode array(ObjectNode root, String path) {
        JsonNode node = get(root, path);
        if (node instanceof ArrayNode array) {
            return array;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        set(root, path, array);
        return array;
    }

    /** Removes empty objects, empty arrays and nulls everywhere below the node: absent and empty mean the same. */
    static void prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var fields = object.fields();
            while (fields.hasNext()) {
                JsonNode value = fields.next().getValue();
                prune(value);
                if (value.isNull() || value.isContainerNode() && value.isEmpty()) {
                    fields.remove();
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(JsonPaths::prune);
        }
    }

    private static JsonNode child(JsonNode node, Step step, boolean nextIsIndex) {
        if (step.name() != null) {
            ObjectNode object = (ObjectNode) node;
            JsonNode child = object.get(step.name());
            if (child == null || !child.isContainerNode() || nextIsIndex != child.isArray()) {
                child = nextIsIndex ? object.putArray(step.name()) : object.putObject(step.name());
            }
            return child;
        }
        ArrayNode array = (ArrayNode) node;
        while (array.size() <= step.index()) {
            array.addObject();
        }
        JsonNode child = array.get(step.index());
        if (!child.isContainerNode() || nextIsIndex != child.isArray()) {
            child = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
            array.set(step.index(), child);
        }
        return child;
    }
}
