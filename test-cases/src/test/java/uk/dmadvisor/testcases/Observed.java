package uk.dmadvisor.testcases;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one run of a case produced, in the same shape whichever way (in process or over HTTP) it was run.
 * Change and site outcomes are kept as small JSON objects whose lists hold codes, for comparison with the case.
 */
record Observed(int status, String recommendation, Map<String, String> decisions, Set<String> rules,
                Set<String> nextSteps, Set<String> findings, Set<String> errorFields, JsonNode overall,
                Map<String, JsonNode> changes, Map<String, JsonNode> sites, Set<String> groupingHints, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Observed fromDesignation(JsonNode answer) {
        Map<String, String> decisions = new LinkedHashMap<>();
        Set<String> rules = new LinkedHashSet<>();
        collectDecisions(answer.path("decisions"), decisions, rules);
        Set<String> nextSteps = codes(answer.path("nextSteps"), "code");
        Set<String> findings = codes(answer.path("findings"), "ruleId");
        rules.addAll(findings);
        return new Observed(200, answer.path("recommendation").asText(), decisions, rules, nextSteps, findings,
                Set.of(), null, Map.of(), Map.of(), Set.of(), answer.toString());
    }

    static Observed fromChangeAssessment(JsonNode answer) {
        Set<String> rules = new LinkedHashSet<>();
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        for (JsonNode change : answer.path("changes")) {
            collectDecisions(change.path("decisions"), new LinkedHashMap<>(), rules);
            ObjectNode view = JSON.createObjectNode();
            view.set("route", change.path("route"));
            view.set("variationCategory", change.path("variationCategory"));
            view.set("severity", change.path("severity"));
            view.set("designationGround", change.path("designationGround"));
            view.set("ctaModification", change.path("ctaModification"));
            JsonNode classification = change.path("classification");
            view.set("edition", classification.path("edition"));
            view.set("entry", classification.path("entry"));
            view.set("code", classification.path("code"));
            ObjectNode conditions = JSON.createObjectNode();
            classification.path("conditions").forEach(c -> conditions.set(c.path("condition").asText(), c.path("outcome")));
            view.set("conditions", conditions);
            view.set("documentation", array(codes(classification.path("documentation"), "reference")));
            view.put("expertConfirmation", classification.has("expertConfirmation"));
            view.set("actions", array(codes(change.path("actions"), "code")));
            classification.path("conditions").forEach(c -> rules.add(c.path("ruleId").asText()));
            classification.path("documentation").forEach(d -> rules.add(d.path("ruleId").asText()));
            changes.put(change.path("changeId").asText(), view);
        }
        Map<String, JsonNode> sites = new LinkedHashMap<>();
        for (JsonNode site : answer.path("sites")) {
            ObjectNode view = JSON.createObjectNode();
            view.set("changeIds", site.path("changeIds"));
            view.set("obligations", array(codes(site.path("obligations"), "code")));
            view.set("findings", site.path("findingRuleIds"));
            sites.put(site.path("siteId").asText(), view);
        }
        answer.path("trace").path("evaluations").forEach(e -> collectDecisions(e.path("decisions"), new LinkedHashMap<>(), rules));
        JsonNode overall = answer.path("overall");
        overall.path("reasons").forEach(r -> rules.add(r.path("ruleId").asText()));
        Set<String> findings = codes(answer.path("findings"), "ruleId");
        Set<String> hints = codes(answer.path("groupingHints"), "ruleId");
        rules.addAll(findings);
        rules.addAll(hints);
        return new Observed(200, null, Map.of(), rules, Set.of(), findings, Set.of(), overall, changes, sites, hints,
                answer.toString());
    }

    static Observed fromProblem(int status, JsonNode problem) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        for (JsonNode error : problem.path("errors")) {
            if (error.hasNonNull("field")) {
                fields.add(error.path("field").asText());
            }
            if (error.hasNonNull("ruleId")) {
                rules.add(error.path("ruleId").asText());
            }
        }
        return new Observed(status, null, Map.of(), rules, Set.of(), Set.of(), fields, null, Map.of(), Map.of(),
                Set.of(), problem.toString());
    }

    private static void collectDecisions(JsonNode decisions, Map<String, String> outcomes, Set<String> rules) {
        for (JsonNode decision : decisions) {
            outcomes.put(decision.path("decision").asText(), decision.path("outcome").asText());
            decision.path("reasons").forEach(r -> rules.add(r.path("ruleId").asText()));
        }
    }

    private static Set<String> codes(JsonNode items, String field) {
        Set<String> codes = new LinkedHashSet<>();
        items.forEach(item -> codes.add(item.path(field).asText()));
        return codes;
    }

    private static ArrayNode array(Set<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
