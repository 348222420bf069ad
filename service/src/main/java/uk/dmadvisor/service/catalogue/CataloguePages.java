package uk.dmadvisor.service.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

import uk.dmadvisor.dmn.DecisionTableView;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RuleMetadata;

/**
 * The catalogue as HTML5 pages generated from the model files. Every string taken from a model is escaped; void
 * elements are self-closed so that a page is also well-formed XML, which the tests rely on to read it back.
 */
final class CataloguePages {

    /** The pages' stylesheet: a file rather than an inline style, which the Content-Security-Policy forbids. */
    static final String STYLESHEET = "/css/catalogue.css";

    private static final String BASES = "Basis: LAW rests on legislation, GUIDANCE on MHRA guidance, INFERRED on our"
            + " own reading where the sources are silent (confirm such points with the MHRA).";

    private static final Map<String, String> HIT_POLICIES = Map.of(
            "UNIQUE", "exactly one row applies to any case",
            "FIRST", "the first row that applies, in the order shown, decides",
            "PRIORITY", "of the rows that apply, the output of highest priority decides",
            "ANY", "the rows that apply all give the same output",
            "COLLECT", "every row that applies contributes its output",
            "RULE ORDER", "every row that applies contributes its output, in the order shown",
            "OUTPUT ORDER", "every row that applies contributes its output, in order of priority");

    private CataloguePages() {
    }

    static String index(Collection<CatalogueEntry> entries) {
        StringBuilder body = new StringBuilder();
        body.append("<nav><a href=\"/\">DM Advisor</a></nav>\n<h1>Model catalogue</h1>\n")
                .append("<p class=\"note\">The decision models (DMN) and rule files (DRL) behind every answer of this")
                .append(" service, as it loaded them. The SHA-256 of each file is the one every answer names in its")
                .append(" provenance. The catalogue is also available as <a href=\"").append(CatalogueLinks.LIST)
                .append("\">JSON</a>.</p>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Model</th>")
                .append("<th scope=\"col\">Kind</th><th scope=\"col\">Name</th><th scope=\"col\">Version</th>")
                .append("<th scope=\"col\">Contents</th><th scope=\"col\">SHA-256</th><th scope=\"col\">Source</th>")
                .append("<th scope=\"col\">JSON</th></tr></thead>\n<tbody>\n");
        for (CatalogueEntry entry : entries) {
            ModelSource source = entry.source();
            body.append("<tr><td>").append(link(CatalogueLinks.page(entry.id()), entry.id())).append("</td>")
                    .append(cell(source.kind().name())).append(cell(source.name())).append(cell(source.version()))
                    .append(cell(contents(entry))).append("<td><code>").append(esc(source.sha256())).append("</code></td>")
                    .append("<td>").append(link(CatalogueLinks.source(entry.id()), entry.mediaType().toString()))
                    .append("</td><td>").append(link(CatalogueLinks.rules(entry.id()), "rules")).append("</td></tr>\n");
        }
        body.append("</tbody>\n</table></div>\n");
        return page("Model catalogue", body);
    }

    static String model(CatalogueEntry entry) {
        ModelSource source = entry.source();
        StringBuilder body = new StringBuilder();
        body.append("<nav><a href=\"/\">DM Advisor</a> / <a href=\"").append(CatalogueLinks.INDEX_PAGE)
                .append("\">Model catalogue</a></nav>\n<h1>").append(esc(entry.id())).append("</h1>\n<dl>\n")
                .append("<dt>Name</dt><dd>").append(esc(source.name())).append("</dd>\n")
                .append("<dt>Kind</dt><dd>").append(source.kind().name()).append("</dd>\n")
                .append("<dt>Version</dt><dd>").append(esc(source.version())).append("</dd>\n")
                .append("<dt>SHA-256</dt><dd><code>").append(esc(source.sha256())).append("</code></dd>\n")
                .append("<dt>Contents</dt><dd>").append(esc(contents(entry))).append("</dd>\n")
                .append("<dt>Source</dt><dd>").append(link(CatalogueLinks.source(entry.id()), "the file as loaded"))
                .append(" (").append(esc(entry.mediaType().toString())).append(")</dd>\n")
                .append("<dt>As JSON</dt><dd>").append(link(CatalogueLinks.rules(entry.id()), "tables and rules"))
                .append("</dd>\n</dl>\n");
        if (source.kind() == ModelSource.Kind.DMN) {
            tables(body, entry.tables());
        } else {
            rules(body, entry.rules());
        }
        return page(entry.id(), body);
    }

    private static void tables(StringBuilder body, List<DecisionTableView> tables) {
        body.append("<p class=\"note\">Each row is a rule: it applies when every input entry matches the case"
                + " (<code>-</code> matches anything), and then gives its outputs. Favourable outcomes are shaded. ")
                .append(BASES).append("</p>\n<nav><ul>\n");
        for (int t = 0; t < tables.size(); t++) {
            body.append("<li><a href=\"#table-").append(t + 1).append("\">").append(esc(tables.get(t).decisionName()))
                    .append("</a></li>\n");
        }
        body.append("</ul></nav>\n");
        for (int t = 0; t < tables.size(); t++) {
            table(body, t + 1, tables.get(t));
        }
    }

    private static void table(StringBuilder body, int number, DecisionTableView table) {
        String policy = HIT_POLICIES.get(table.hitPolicy());
        body.append("<section id=\"table-").append(number).append("\">\n<h2>").append(esc(table.decisionName()))
                .append("</h2>\n<p>Hit policy: <strong>").append(esc(table.hitPolicy())).append("</strong>")
                .append(policy == null ? "" : " (" + policy + ")").append(". Favourable outcomes: ")
                .append(table.favourable().isEmpty() ? "none declared"
                        : String.join(", ", ModelDescriptions.favourable(table).stream()
                                .map(o -> "<strong>" + esc(o) + "</strong>").toList()))
                .append(".</p>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Rule</th>");
        for (int i = 0; i < table.inputLabels().size(); i++) {
            String label = table.inputLabels().get(i);
            String expression = table.inputExpressions().get(i);
            body.append("<th scope=\"col\">").append(esc(label));
            if (!expression.equals(label)) {
                body.append("<code class=\"expression\">").append(esc(expression)).append("</code>");
            }
            body.append("</th>");
        }
        table.outputNames().forEach(o -> body.append("<th scope=\"col\">").append(esc(o)).append("</th>"));
        body.append("<th scope=\"col\">Citation</th><th scope=\"col\">Basis</th><th scope=\"col\">Explanation</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (RuleRow row : table.rows()) {
            body.append("<tr").append(anchor(row.ruleId())).append("><td class=\"rule-id\">").append(esc(row.ruleId()))
                    .append("</td>");
            row.inputEntries().forEach(e -> body.append("<td class=\"entry\">").append(esc(e)).append("</td>"));
            row.outputEntries().forEach(e -> body.append("<td class=\"entry")
                    .append(table.isFavourable(e.replaceAll("^\"|\"$", "")) ? " favourable" : "").append("\">")
                    .append(esc(e)).append("</td>"));
            body.append(cell(row.citation())).append("<td>").append(esc(row.basis())).append("</td>")
                    .append(cell(row.explanation())).append("</tr>\n");
        }
        body.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void rules(StringBuilder body, List<RuleMetadata> rules) {
        body.append("<p class=\"note\">Rules that reason over a whole request. The conditions of each rule are in")
                .append(" the source file. ").append(BASES).append("</p>\n<div class=\"scroll\"><table>\n<thead><tr>")
                .append("<th scope=\"col\">Rule</th><th scope=\"col\">Name</th><th scope=\"col\">Kind</th>")
                .append("<th scope=\"col\">Citation</th><th scope=\"col\">Basis</th></tr></thead>\n<tbody>\n");
        for (RuleMetadata rule : rules) {
            body.append("<tr").append(anchor(rule.ruleId())).append("><td class=\"rule-id\">").append(esc(rule.ruleId()))
                    .append("</td>").append(cell(rule.ruleName())).append(cell(rule.kind())).append(cell(rule.citation()))
                    .append(cell(rule.basis())).append("</tr>\n");
        }
        body.append("</tbody>\n</table></div>\n");
    }

    private static String contents(CatalogueEntry entry) {
        if (entry.source().kind() == ModelSource.Kind.DMN) {
            int rows = entry.tables().stream().mapToInt(t -> t.rows().size()).sum();
            return count(entry.tables().size(), "decision table") + ", " + count(rows, "row");
        }
        return count(entry.rules().size(), "rule");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Rows are linkable by rule id, which answers name in their reasons; an HTML id may not contain spaces. */
    private static String anchor(String ruleId) {
        return ruleId.isEmpty() || ruleId.chars().anyMatch(Character::isWhitespace) ? ""
                : " id=\"" + esc(ruleId) + "\"";
    }

    private static String cell(String text) {
        return "<td class=\"text\">" + esc(text) + "</td>";
    }

    private static String link(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static String page(String title, CharSequence body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" + esc(title)
                + " - DM Advisor</title>\n<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"/>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }
}
