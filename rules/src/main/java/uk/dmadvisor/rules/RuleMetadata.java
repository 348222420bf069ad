package uk.dmadvisor.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The metadata every DRL rule must declare: {@code @ruleId}, {@code @kind}, {@code @citation}, {@code @basis}. */
public record RuleMetadata(String ruleId, String ruleName, String kind, String citation, String basis, String file) {

    static final List<String> REQUIRED = List.of("ruleId", "kind", "citation", "basis");
    static final Set<String> BASES = Set.of("LAW", "GUIDANCE", "INFERRED");

    static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? "" : value.toString().replaceAll("^\"|\"$", "").trim();
    }
}
