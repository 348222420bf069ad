package uk.dmadvisor.testcases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RuleMetadata;

/** Which case exercised which decision-table row or DRL rule; every one must be exercised by at least one case. */
final class RuleCoverage {

    private final Map<String, Set<String>> casesByRule = new ConcurrentHashMap<>();

    void record(String caseId, Collection<String> ruleIds) {
        ruleIds.forEach(rule -> casesByRule.computeIfAbsent(rule, k -> new TreeSet<>()).add(caseId));
    }

    List<String> unexercised(Collection<RuleRow> rows, Collection<RuleMetadata> rules) {
        List<String> missing = new ArrayList<>();
        rows.stream().map(RuleRow::ruleId).filter(id -> !casesByRule.containsKey(id)).forEach(missing::add);
        rules.stream().map(RuleMetadata::ruleId).filter(id -> !casesByRule.containsKey(id)).forEach(missing::add);
        return missing;
    }

    /** A Markdown report of row and rule coverage, for a reviewer who wants to find the case behind a rule. */
    void write(Path file, Collection<RuleRow> rows, Collection<RuleMetadata> rules) {
        StringBuilder md = new StringBuilder("# Rule coverage by the regulatory test cases\n\n");
        md.append("| rule | decision or rule file | basis | citation | exercised by |\n|---|---|---|---|---|\n");
        for (RuleRow row : rows) {
            md.append(line(row.ruleId(), row.modelName() + ": " + row.decisionName(), row.basis(), row.citation()));
        }
        for (RuleMetadata rule : rules) {
            md.append(line(rule.ruleId(), rule.file() + ": " + rule.ruleName(), rule.basis(), rule.citation()));
        }
        Map<String, Set<String>> byCitation = new TreeMap<>();
        rows.forEach(r -> byCitation.computeIfAbsent(r.citation(), k -> new TreeSet<>()).add(r.ruleId()));
        rules.forEach(r -> byCitation.computeIfAbsent(r.citation(), k -> new TreeSet<>()).add(r.ruleId()));
        md.append("\n## Provisions cited by tested rules\n\n");
        byCitation.forEach((citation, ids) -> md.append("- ").append(citation).append(": ")
                .append(String.join(", ", ids)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line(String id, String where, String basis, String citation) {
        Set<String> cases = casesByRule.getOrDefault(id, Set.of());
        return "| " + id + " | " + where + " | " + basis + " | " + citation.replace("|", "/") + " | "
                + (cases.isEmpty() ? "**none**" : String.join(", ", cases)) + " |\n";
    }
}
