package uk.dmadvisor.testcases;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Decides whether a case's JSON body can travel as the generated client's typed model without losing anything. */
final class TypedRequests {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private TypedRequests() {
    }

    /** The typed model, or null if reading it fails or it would not serialise back to the same JSON. */
    static <T> T typedOrNull(ObjectMapper mapper, JsonNode body, Class<T> type) {
        try {
            T typed = mapper.treeToValue(body, type);
            JsonNode roundTrip = mapper.valueToTree(typed);
            return prune(roundTrip.deepCopy()).equals(NUMBERS_BY_VALUE, prune(body.deepCopy())) ? typed : null;
        } catch (JsonProcessingException | IllegalArgumentException notExpressible) {
            return null;
        }
    }

    /** Absent, null and empty-array fields mean the same to the service. */
    private static JsonNode prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = prune(field.getValue());
                if (value.isNull() || value instanceof ArrayNode array && array.isEmpty()) {
                    fields.remove();
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(TypedRequests::prune);
        }
        return node;
    }
}
