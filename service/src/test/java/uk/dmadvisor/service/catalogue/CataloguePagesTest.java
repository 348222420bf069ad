package uk.dmadvisor.service.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import uk.dmadvisor.dmn.DecisionTableView;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RuleMetadata;

/** A model whose every string carries markup renders as text, never as markup, through the pages' own templates. */
class CataloguePagesTest {

    private static final SpringTemplateEngine TEMPLATES = new SpringTemplateEngine();

    static {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TEMPLATES.setTemplateResolver(resolver);
    }

    private static String render(String template, Map<String, Object> model) {
        Context context = new Context();
        context.setVariables(model);
        context.setVariable("current", "models");
        return TEMPLATES.process(template, context);
    }

    private static String hostile(String field) {
        return "<b id=\"" + field + "\">" + field + "</b> & 'q' \"" + field + "\" <!--";
    }

    private static ModelSource source(ModelSource.Kind kind) {
        return new ModelSource(hostile("file"), kind, hostile("name"), hostile("version"), hostile("sha"),
                "x".getBytes(StandardCharsets.UTF_8));
    }

    private static void assertOnlyTextWasInjected(String html) throws Exception {
        Document page = XhtmlReader.parse(html);
        assertThat(XhtmlReader.elements(page, "b")).isEmpty();
        assertThat(html).doesNotContain("<b ", "<!--");
        assertThat(XhtmlReader.elements(page, "main")).hasSize(1);
    }

    @Test
    void escapesEveryStringOfADecisionTable() throws Exception {
        RuleRow row = new RuleRow(hostile("ruleId"), "m", hostile("decision"), 1, List.of(hostile("input")),
                List.of(hostile("output")), hostile("citation"), hostile("basis"), hostile("explanation"));
        DecisionTableView table = new DecisionTableView("m", hostile("decision"), hostile("hitPolicy"),
                List.of(hostile("label")), List.of(hostile("expression")), List.of(hostile("outputName")),
                Set.of(hostile("favourable")), List.of(row));
        String html = render("catalogue/model",
                CataloguePages.model(new CatalogueEntry(source(ModelSource.Kind.DMN), List.of(table), List.of())));

        assertOnlyTextWasInjected(html);
        Element tr = XhtmlReader.bodyRows(XhtmlReader.elements(XhtmlReader.parse(html), "table").get(0)).get(0);
        assertThat(XhtmlReader.cells(tr)).containsExactly(hostile("ruleId"), hostile("input"), hostile("output"),
                hostile("citation"), hostile("basis"), hostile("explanation"));
        assertThat(tr.getAttribute("id")).as("no id attribute for an id with spaces").isEmpty();
        assertThat(XhtmlReader.parse(html).getDocumentElement().getTextContent())
                .contains(hostile("file"), hostile("name"), hostile("version"), hostile("sha"), hostile("decision"),
                        hostile("hitPolicy"), hostile("label"), hostile("expression"), hostile("outputName"),
                        hostile("favourable"));
    }

    @Test
    void escapesEveryStringOfADrlRule() throws Exception {
        RuleMetadata rule = new RuleMetadata(hostile("ruleId"), hostile("ruleName"), hostile("kind"),
                hostile("citation"), hostile("basis"), hostile("file"));
        String html = render("catalogue/model",
                CataloguePages.model(new CatalogueEntry(source(ModelSource.Kind.DRL), List.of(), List.of(rule))));

        assertOnlyTextWasInjected(html);
        Element tr = XhtmlReader.bodyRows(XhtmlReader.elements(XhtmlReader.parse(html), "table").get(0)).get(0);
        assertThat(XhtmlReader.cells(tr)).containsExactly(hostile("ruleId"), hostile("ruleName"), hostile("kind"),
                hostile("citation"), hostile("basis"));
    }

    @Test
    void escapesTheIndexAndLinksByEncodedPath() throws Exception {
        CatalogueEntry entry = new CatalogueEntry(source(ModelSource.Kind.DRL), List.of(), List.of());
        String html = render("catalogue/index", CataloguePages.index(List.of(entry)));

        assertOnlyTextWasInjected(html);
        List<String> hrefs = XhtmlReader.elements(XhtmlReader.parse(html), "a").stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(hrefs).contains("/models/%3Cb%20id=%22file%22%3Efile%3C%2Fb%3E%20&%20'q'%20%22file%22%20%3C!--");
    }
}
