package uk.dmadvisor.service.catalogue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import uk.dmadvisor.dmn.DecisionTableView;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RuleMetadata;

/**
 * Where each rule id is shown in the model browser (its row on the catalogue page of its model), and which
 * outcomes of each decision the models declare favourable, so that an answer's reasons link to their rules.
 */
@Component
public class RuleLinks {

    private final Map<String, String> pageOfRule = new HashMap<>();
    private final Map<String, Set<String>> favourable = new HashMap<>();

    RuleLinks(ModelCatalogue catalogue) {
        for (CatalogueEntry entry : catalogue.entries()) {
            for (DecisionTableView table : entry.tables()) {
                favourable.computeIfAbsent(table.decisionName(), k -> new HashSet<>()).addAll(table.favourable());
                for (RuleRow row : table.rows()) {
                    pageOfRule.putIfAbsent(row.ruleId(), CatalogueLinks.page(entry.id()));
                }
            }
            for (RuleMetadata rule : entry.rules()) {
                pageOfRule.putIfAbsent(rule.ruleId(), CatalogueLinks.page(entry.id()));
            }
        }
    }

    /** The link to the rule's row, or null for an id no model has. */
    public String href(String ruleId) {
        String page = ruleId == null ? null : pageOfRule.get(ruleId);
        return page == null ? null : page + "#" + UriUtils.encodeFragment(ruleId, "UTF-8");
    }

    /** Whether a model declares this outcome of the named decision favourable (unknown decisions: not). */
    public boolean favourable(String decision, String outcome) {
        return favourable.getOrDefault(decision, Set.of()).contains(outcome);
    }

    /** Whether the named decision declares any favourable outcome at all. */
    public boolean declaresFavourable(String decision) {
        return !favourable.getOrDefault(decision, Set.of()).isEmpty();
    }
}
