package uk.dmadvisor.service.pages;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import uk.dmadvisor.service.catalogue.RuleLinks;
import uk.dmadvisor.service.pages.Blocks.Block;
import uk.dmadvisor.service.pages.Blocks.Decision;
import uk.dmadvisor.service.pages.Blocks.Decisions;
import uk.dmadvisor.service.pages.Blocks.Field;
import uk.dmadvisor.service.pages.Blocks.Fields;
import uk.dmadvisor.service.pages.Blocks.Item;
import uk.dmadvisor.service.pages.Blocks.Items;
import uk.dmadvisor.service.pages.Blocks.Link;
import uk.dmadvisor.service.pages.Blocks.Reason;
import uk.dmadvisor.service.pages.Blocks.Reasons;
import uk.dmadvisor.service.pages.Blocks.Section;
import uk.dmadvisor.service.pages.Blocks.Table;
import uk.dmadvisor.service.pages.Blocks.Tag;
import uk.dmadvisor.service.pages.Blocks.Text;
import uk.dmadvisor.service.pages.Blocks.Values;

/**
 * Turns an answer (any assessment's response, as JSON) into page sections by the shape of its parts, not by their
 * names: lists of decisions, of cited items (anything with a rule id), of alternatives and of records (changes,
 * sites) each have their own form, and anything else is shown as labelled fields. A new result field, or a new
 * decision, shows up without a change here; names only choose a friendlier heading and the order.
 */
@Component
public class AnswerView {

    /** A headline: the outcome code and the sentence that explains it, with the facts and reasons beside it. */
    public record Headline(Tag outcome, String summary, List<Field> facts, List<Reason> reasons) {
    }

    public record View(Headline headline, List<Section> sections, List<Section> about) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> ABOUT = Set.of("provenance", "seal", "trace");
    private static final Set<String> TEXT_FIELDS = Set.of("explanation", "description", "message", "detail");
    private static final Set<String> REASON_KEYS = Set.of("ruleId", "citation", "basis");
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("conditions", "Conditions beside the answer"),
            Map.entry("decisions", "Decisions and their reasons"),
            Map.entry("nextSteps", "Next steps"),
            Map.entry("obligations", "Obligations that follow"),
            Map.entry("findings", "Findings about the request as a whole"),
            Map.entry("alternatives", "What would change the answer"),
            Map.entry("changes", "Each change"),
            Map.entry("sites", "Each site"),
            Map.entry("groupingHints", "Grouping hints"),
            Map.entry("provenance", "Provenance"),
            Map.entry("seal", "Seal"),
            Map.entry("trace", "Trace: every rule evaluated"));
    private static final Map<String, String> INTROS = Map.of(
            "alternatives", "For each decision that did not come out favourably, the nearest rules of the same table"
                    + " that would have, and which of their conditions the answers do not meet.",
            "provenance", "What produced this answer: the service, the engine, and each model and rule file by"
                    + " version and SHA-256.",
            "seal", "Check the record later on the record-check page: the digest shows whether the answer was"
                    + " changed after the service sealed it.");

    /** The order of the parts a person reads first; parts not named here follow in the answer's own order. */
    private static final List<String> ORDER = List.of("conditions", "decisions", "changes", "sites", "nextSteps",
            "obligations", "findings", "groupingHints", "alternatives", "provenance", "seal", "trace");

    private final RuleLinks links;

    private static int rank(String sectionId) {
        int index = ORDER.indexOf(sectionId.substring("answer-".length()));
        return index < 0 ? ORDER.indexOf("alternatives") : index;
    }

    AnswerView(RuleLinks links) {
        this.links = links;
    }

    View of(JsonNode answer) {
        Set<String> used = new LinkedHashSet<>();
        Headline headline = headline(answer, used);
        List<Section> sections = new ArrayList<>();
        List<Section> about = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (used.contains(name)) {
                continue;
            }
            Section section = new Section("answer-" + name, title(name), INTROS.get(name),
                    blocks(name, field.getValue(), null));
            (ABOUT.contains(name) ? about : sections).add(section);
        }
        sections.sort(java.util.Comparator.comparingInt(s -> rank(s.id())));
        about.sort(java.util.Comparator.comparingInt(s -> rank(s.id())));
        return new View(headline, sections, about);
    }

    /**
     * The headline is the answer's own summary with the outcome code beside it (a designation's recommendation);
     * failing that, the first part of the answer that carries a summary (a change log's overall outcome).
     */
    private Headline headline(JsonNode answer, Set<String> used) {
        JsonNode holder = answer.path("summary").isTextual() ? answer : null;
        String holderName = null;
        if (holder == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext() && holder == null; ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isObject() && field.getValue().path("summary").isTextual()) {
                    holder = field.getValue();
                    holderName = field.getKey();
                }
            }
        }
        if (holder == null) {
            return null;
        }
        Tag outcome = null;
        List<Field> facts = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = holder.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            boolean top = holder == answer;
            if (field.getKey().equals("summary")) {
                if (top) {
                    used.add("summary");
                }
            } else if (outcome == null && isCode(value)) {
                outcome = new Tag(value.asText(), tone(null, value.asText()));
                if (top) {
                    used.add(field.getKey());
                }
            } else if (!top && value.isArray() && !value.isEmpty() && value.get(0).isObject() && isReason(value.get(0))) {
                value.forEach(r -> reasons.add(reason(r)));
            } else if (!top) {
                facts.add(new Field(label(field.getKey()), blocks(field.getKey(), value, null)));
            }
        }
        if (holderName != null) {
            used.add(holderName);
        }
        return new Headline(outcome, holder.path("summary").asText(), facts, reasons);
    }

    List<Block> blocks(String name, JsonNode value, String decision) {
        if (value.isArray()) {
            if (value.isEmpty()) {
                return List.of(new Text("None."));
            }
            if (allObjects(value)) {
                return objects(name, value);
            }
            List<Link> items = new ArrayList<>();
            value.forEach(v -> items.add(new Link(v.asText(), name.endsWith("RuleIds") ? links.href(v.asText()) : null)));
            return List.of(new Values(items));
        }
        if (value.isObject()) {
            if (isReason(value)) {
                return List.of(new Reasons(List.of(reason(value))));
            }
            return List.of(fields(value));
        }
        if (value.isNull() || value.isMissingNode()) {
            return List.of(new Text("None"));
        }
        if (name.equals("ruleId") && links.href(value.asText()) != null) {
            return List.of(new Values(List.of(new Link(value.asText(), links.href(value.asText())))));
        }
        if (isCode(value)) {
            return List.of(new Tag(value.asText(), tone(decision, value.asText())));
        }
        return List.of(new Text(value.isBoolean() ? (value.asBoolean() ? "Yes" : "No") : value.asText()));
    }

    private List<Block> objects(String name, JsonNode array) {
        JsonNode first = array.get(0);
        if (first.has("decision") && first.has("outcome") && first.has("reasons")) {
            List<Decision> decisions = new ArrayList<>();
            array.forEach(d -> {
                List<Reason> reasons = new ArrayList<>();
                d.path("reasons").forEach(r -> reasons.add(reason(r)));
                String decision = d.path("decision").asText();
                String outcome = d.path("outcome").asText();
                decisions.add(new Decision(decision, outcome.isEmpty() ? new Tag("none", "neutral")
                        : new Tag(outcome.replace(",", ", "), tone(decision, outcome)), reasons));
            });
            return List.of(new Decisions(decisions));
        }
        if (first.has("nearestRows")) {
            List<Item> items = new ArrayList<>();
            array.forEach(a -> {
                List<Reason> rows = new ArrayList<>();
                a.path("nearestRows").forEach(r -> rows.add(reason(r)));
                items.add(new Item(a.path("decision").asText() + ": " + a.path("outcome").asText(), null,
                        List.of(new Text("Rules of this table that would have given a favourable outcome:"),
                                new Reasons(rows))));
            });
            return List.of(new Items(items, false));
        }
        if (isReason(first)) {
            List<Reason> reasons = new ArrayList<>();
            array.forEach(r -> reasons.add(reason(r)));
            return List.of(new Reasons(reasons));
        }
        return records(name, array);
    }

    /** Records such as changes or sites: an overview table of their short fields, then each record in full. */
    private List<Block> records(String name, JsonNode array) {
        List<String> columns = new ArrayList<>();
        for (JsonNode item : array) {
            item.fieldNames().forEachRemaining(f -> {
                if (!columns.contains(f) && overviewable(array, f)) {
                    columns.add(f);
                }
            });
        }
        List<List<Block>> rows = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (JsonNode item : array) {
            String heading = heading(item);
            String anchor = heading == null ? null : name + "-" + heading.replaceAll("[^A-Za-z0-9_-]", "_");
            List<Block> row = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = item.path(column);
                if (column.equals(idField(item)) && anchor != null) {
                    row.add(new Values(List.of(new Link(value.asText(), "#" + anchor))));
                } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                    List<Link> codes = new ArrayList<>();
                    value.forEach(v -> codes.add(new Link(v.path("code").asText(v.path("ruleId").asText()), null)));
                    row.add(new Values(codes));
                } else if (value.isMissingNode() || value.isNull()) {
                    row.add(new Text(""));
                } else {
                    row.addAll(blocks(column, value, null));
                }
            }
            rows.add(row);
            items.add(new Item(heading == null ? label(name) : heading, anchor, List.of(fields(item))));
        }
        return List.of(new Table(null, columns.stream().map(AnswerView::label).toList(), rows), new Items(items, true));
    }

    /** A field fits the overview when every record gives it a short value (a scalar, a list of them or of codes). */
    private static boolean overviewable(JsonNode records, String field) {
        boolean given = false;
        for (JsonNode item : records) {
            JsonNode value = item.path(field);
            if (value.isMissingNode() || value.isNull() || value.isArray() && value.isEmpty()) {
                continue;
            }
            boolean shortValue = value.isValueNode() || value.isArray() && (value.get(0).isValueNode()
                    || value.get(0).isObject() && value.get(0).has("code"));
            if (!shortValue) {
                return false;
            }
            given = true;
        }
        return given;
    }

    private static String idField(JsonNode item) {
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if ((name.equals("id") || name.endsWith("Id")) && item.get(name).isTextual()) {
                return name;
            }
        }
        return null;
    }

    private static String heading(JsonNode item) {
        String id = idField(item);
        return id == null ? null : item.get(id).asText();
    }

    private Fields fields(JsonNode object) {
        List<Field> fields = new ArrayList<>();
        String decision = object.path("decision").asText(null);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.add(new Field(label(field.getKey()), blocks(field.getKey(), field.getValue(), decision)));
        }
        return new Fields(fields);
    }

    private static boolean isReason(JsonNode node) {
        return node.isObject() && node.has("ruleId") && (node.has("citation") || node.has("basis")
                || TEXT_FIELDS.stream().anyMatch(node::has));
    }

    /** A cited item: its rule, its text, its provision and basis; codes and statuses as tags; the rest as fields. */
    private Reason reason(JsonNode node) {
        String ruleId = node.path("ruleId").asText();
        String text = null;
        String heading = null;
        List<Tag> tags = new ArrayList<>();
        List<Field> extra = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (REASON_KEYS.contains(name)) {
                continue;
            }
            if (text == null && TEXT_FIELDS.contains(name) && value.isTextual()) {
                text = value.asText();
            } else if (heading == null && (name.equals("code") || name.equals("outcome")) && value.isValueNode()) {
                heading = value.asText();
            } else if (isCode(value)) {
                tags.add(new Tag(value.asText(), tone(null, value.asText())));
            } else if (name.equals("unmetConditions") && value.isArray()) {
                List<List<Block>> rows = new ArrayList<>();
                value.forEach(c -> rows.add(List.of(new Text(c.path("input").asText()),
                        new Text(c.path("required").asText()), new Text(c.path("actual").asText()))));
                extra.add(new Field("Conditions not met", List.of(new Table(null,
                        List.of("Input", "The rule needs", "Your answers give"), rows))));
            } else if (!(value.isArray() && value.isEmpty())) {
                extra.add(new Field(label(name), blocks(name, value, null)));
            }
        }
        return new Reason(ruleId, links.href(ruleId), heading, tags, text, node.path("citation").asText(null),
                node.path("basis").asText(null), extra);
    }

    private String tone(String decision, String outcome) {
        if (decision != null && links.declaresFavourable(decision)) {
            return links.favourable(decision, outcome) ? "favourable" : "unfavourable";
        }
        if (outcome.contains("EXPERT_REVIEW") || outcome.equals("BLOCKING") || outcome.equals("TAMPERED")
                || outcome.equals("INVALID") || outcome.startsWith("NOT_") && !outcome.equals("NOT_APPLICABLE")) {
            return "warning";
        }
        if (outcome.startsWith("APPLY_FOR") || outcome.equals("INTACT") || outcome.equals("VALID")
                || outcome.equals("SAME") || outcome.equals("MATCHES") || outcome.equals("UNCHANGED")) {
            return "favourable";
        }
        return "neutral";
    }

    private static boolean isCode(JsonNode value) {
        return value != null && value.isTextual() && CODE.matcher(value.asText()).matches() && value.asText().length() > 1;
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    static String title(String name) {
        return TITLES.getOrDefault(name, label(name));
    }

    /** A field name as words: {@code variationCategory} reads "Variation category", {@code sha256} "SHA-256". */
    static String label(String name) {
        if (name.equalsIgnoreCase("sha256")) {
            return "SHA-256";
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("Sha256", "SHA-256")
                .replaceAll("(?i)\\bsha256\\b", "SHA-256");
        words = words.toLowerCase(Locale.ROOT).replace("sha-256", "SHA-256").replace(" id", " ID")
                .replace(" ids", " IDs").replace("url", "URL");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
