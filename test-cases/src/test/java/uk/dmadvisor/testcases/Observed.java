package uk.dmadvisor.testcases;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** What one run of a case produced, in the same shape whichever way (in process or over HTTP) it was run. */
record Observed(int status, String recommendation, Map<String, String> decisions, Set<String> rules,
                Set<String> nextSteps, Set<String> findings, Set<String> errorFields, String body) {

    static Observed fromAssessment(JsonNode answer) {
        Map<String, String> decisions = new LinkedHashMap<>();
        Set<String> rules = new LinkedHashSet<>();
        for (JsonNode decision : answer.path("decisions")) {
            decisions.put(decision.path("decision").asText(), decision.path("outcome").asText());
            decision.path("reasons").forEach(r -> rules.add(r.path("ruleId").asText()));
        }
        Set<String> nextSteps = new LinkedHashSet<>();
        answer.path("nextSteps").forEach(s -> nextSteps.add(s.path("code").asText()));
        Set<String> findings = new LinkedHashSet<>();
        answer.path("findings").forEach(f -> findings.add(f.path("ruleId").asText()));
        rules.addAll(findings);
        return new Observed(200, answer.path("recommendation").asText(), decisions, rules, nextSteps, findings,
                Set.of(), answer.toString());
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
        return new Observed(status, null, Map.of(), rules, Set.of(), Set.of(), fields, problem.toString());
    }
}
