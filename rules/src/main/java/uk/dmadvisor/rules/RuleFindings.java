package uk.dmadvisor.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The collector a rule consequence reports to (the DRL global {@code findings}). Id, kind, citation and basis
 * come from the rule's own metadata, so a rule cannot report under a name other than its own. One collector serves
 * every request: each evaluation collects on its own thread, between {@link #start()} and {@link #finish()}.
 */
public final class RuleFindings {

    private final ThreadLocal<List<RuleFinding>> current = new ThreadLocal<>();

    void start() {
        current.set(new ArrayList<>());
    }

    List<RuleFinding> finish() {
        List<RuleFinding> findings = current.get();
        current.remove();
        return findings == null ? List.of() : List.copyOf(findings);
    }

    public void add(RuleContext context, String field, String message) {
        add(context, field, message, List.of(), List.of());
    }

    public void add(RuleContext context, String field, String message, Collection<String> changeIds,
                    Collection<String> siteIds) {
        Map<String, Object> meta = context.getRule().getMetaData();
        current.get().add(new RuleFinding(RuleMetadata.text(meta, "ruleId"),
                RuleFinding.Kind.valueOf(RuleMetadata.text(meta, "kind")), field, message,
                RuleMetadata.text(meta, "citation"), RuleMetadata.text(meta, "basis"),
                changeIds.stream().sorted().toList(), siteIds.stream().sorted().toList()));
    }
}
