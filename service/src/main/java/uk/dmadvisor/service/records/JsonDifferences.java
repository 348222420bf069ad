package uk.dmadvisor.service.records;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import uk.dmadvisor.api.model.Difference;

/** Where two JSON answers differ, as JSON Pointers with both values, up to a limit. */
final class JsonDifferences {

    static final int MOST_LISTED = 50;

    private JsonDifferences() {
    }

    static List<Difference> between(JsonNode recorded, JsonNode current, Set<String> ignoredTopLevel) {
        List<Difference> differences = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        recorded.fieldNames().forEachRemaining(names::add);
        current.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!ignoredTopLevel.contains(name)) {
                compare("/" + escape(name), recorded.path(name), current.path(name), differences);
            }
        }
        return differences;
    }

    private static void compare(String pointer, JsonNode recorded, JsonNode current, List<Difference> out) {
        if (out.size() >= MOST_LISTED || recorded.equals(current)) {
            return;
        }
        if (recorded.isObject() && current.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            for (Iterator<String> it = current.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.forEach(name -> compare(pointer + "/" + escape(name), recorded.path(name), current.path(name), out));
        } else if (recorded.isArray() && current.isArray()) {
            for (int i = 0; i < Math.max(recorded.size(), current.size()); i++) {
                compare(pointer + "/" + i, recorded.path(i), current.path(i), out);
            }
        } else {
            out.add(new Difference().path(pointer).recorded(text(recorded)).current(text(current)));
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
