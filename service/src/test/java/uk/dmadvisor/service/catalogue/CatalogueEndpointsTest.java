package uk.dmadvisor.service.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.DecisionTableView;
import uk.dmadvisor.dmn.RuleRow;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.rules.RuleMetadata;

/** The model catalogue as a reviewer or an auditor reaches it: JSON, the exact sources, and HTML pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueEndpointsTest {

    private static final List<String> IDS =
            List.of("change-control.dmn", "designation.dmn", "change-control.drl", "designation-consistency.drl");
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    DecisionModels models;
    @Autowired
    RequestRules rules;

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return get(path, null);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response).isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        return json.readTree(response.body());
    }

    private Document getPage(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, BROWSER_ACCEPT);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(contentType(response)).isEqualTo(MediaType.parseMediaType("text/html;charset=UTF-8"));
        String html = new String(response.body(), StandardCharsets.UTF_8);
        // No inline style or script (the Content-Security-Policy forbids them): stylesheets and scripts are files.
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\"").doesNotContain("<style", "style=", "<script>")
                .contains("<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.css\">");
        Document page = XhtmlReader.parse(html);
        List<String> ids = XhtmlReader.elements(page, "*").stream()
                .map(e -> e.getAttribute("id")).filter(id -> !id.isEmpty()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        return page;
    }

    private static MediaType contentType(HttpResponse<?> response) {
        return MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
    }

    private static ContentDisposition disposition(HttpResponse<?> response) {
        return ContentDisposition.parse(response.headers().firstValue("Content-Disposition").orElseThrow());
    }

    private static String sha256(byte[] bytes) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static byte[] classpathFile(String id) throws Exception {
        String folder = id.endsWith(".dmn") ? "/models/" : "/rules/";
        try (InputStream in = CatalogueEndpointsTest.class.getResourceAsStream(folder + id)) {
            assertThat(in).as(folder + id).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + "=" + value + " in " + array);
    }

    @Test
    void listsEveryModelWithItsVersionAndTheHashOfExactlyWhatIsServed() throws Exception {
        JsonNode list = getJson("/api/v1/models");
        assertThat(list.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(IDS);
        for (JsonNode model : list) {
            String id = model.path("id").asText();
            assertThat(model.path("file").asText()).isEqualTo(id);
            assertThat(model.path("kind").asText()).isEqualTo(id.endsWith(".dmn") ? "DMN" : "DRL");
            assertThat(model.path("version").asText()).isEqualTo(declaredVersion(id));
            assertThat(model.path("sourceUrl").asText()).isEqualTo("/api/v1/models/" + id);
            assertThat(model.path("rulesUrl").asText()).isEqualTo("/api/v1/models/" + id + "/rules");
            assertThat(model.path("pageUrl").asText()).isEqualTo("/models/" + id);
            HttpResponse<byte[]> source = get(model.path("sourceUrl").asText());
            assertThat(source.statusCode()).isEqualTo(200);
            assertThat(model.path("sha256").asText()).as(id).isEqualTo(sha256(source.body()));
        }
        assertThat(byField(list, "id", "designation.dmn").path("sha256").asText())
                .isEqualTo(models.source("designation").sha256());
    }

    @Test
    void servesEachSourceExactlyAsTheFileWithItsMediaType() throws Exception {
        JsonNode list = getJson("/api/v1/models");
        for (String id : IDS) {
            HttpResponse<byte[]> source = get("/api/v1/models/" + id);
            assertThat(source.statusCode()).isEqualTo(200);
            assertThat(source.body()).as(id).isEqualTo(classpathFile(id));
            assertThat(disposition(source).isInline()).isTrue();
            assertThat(disposition(source).getFilename()).isEqualTo(id);
            MediaType served = contentType(source);
            MediaType declared = MediaType.parseMediaType(byField(list, "id", id).path("mediaType").asText());
            if (id.endsWith(".dmn")) {
                assertThat(declared).isEqualTo(MediaType.APPLICATION_XML);
                assertThat(served.equalsTypeAndSubtype(MediaType.APPLICATION_XML)).as(served.toString()).isTrue();
                assertThat(served.getCharset()).isIn(null, StandardCharsets.UTF_8);
            } else {
                assertThat(declared).isEqualTo(MediaType.parseMediaType("text/plain;charset=UTF-8"));
                assertThat(served).isEqualTo(declared);
            }
        }
    }

    @Test
    void describesEveryDecisionTableOfADmnModelWithItsAnnotations() throws Exception {
        JsonNode body = getJson("/api/v1/models/designation.dmn/rules");
        assertThat(body.path("id").asText()).isEqualTo("designation.dmn");
        assertThat(body.path("kind").asText()).isEqualTo("DMN");
        assertThat(body.path("rules")).isEmpty();
        List<DecisionTableView> expected = models.tables("designation");
        assertThat(body.path("tables").findValuesAsText("decision"))
                .containsExactlyElementsOf(expected.stream().map(DecisionTableView::decisionName).toList());

        JsonNode pocTest = byField(body.path("tables"), "decision", "POC legal test");
        assertThat(pocTest.path("hitPolicy").asText()).isEqualTo("UNIQUE");
        assertThat(pocTest.path("inputs")).hasSize(4);
        assertThat(pocTest.path("inputs").get(0).path("label").asText()).isEqualTo("Shelf life ground");
        assertThat(pocTest.path("inputs").get(0).path("expression").asText()).isEqualTo("POC shelf life ground");
        assertThat(pocTest.path("favourableOutcomes").toString()).isEqualTo("[\"MET\"]");
        assertThat(pocTest.path("rows")).hasSize(models.table("designation", "POC legal test").rows().size())
                .isNotEmpty();
        for (JsonNode row : pocTest.path("rows")) {
            assertThat(row.path("citation").asText()).as(row.toString()).isNotBlank();
            assertThat(row.path("basis").asText()).as(row.toString()).isIn("LAW", "GUIDANCE", "INFERRED");
            assertThat(row.path("explanation").asText()).as(row.toString()).isNotBlank();
            assertThat(row.path("inputEntries")).hasSize(4);
            assertThat(row.path("outputEntries")).hasSize(1);
        }

        JsonNode shelfLife = byField(byField(body.path("tables"), "decision", "POC shelf life ground").path("rows"),
                "ruleId", "POC-SL-01");
        RuleRow row = models.row("POC-SL-01");
        assertThat(shelfLife.path("inputEntries").get(4).asText()).isEqualTo("< 1");
        assertThat(shelfLife.path("outputEntries").get(0).asText()).isEqualTo(row.outputEntry());
        assertThat(shelfLife.path("citation").asText()).isEqualTo(row.citation());
        assertThat(shelfLife.path("explanation").asText()).isEqualTo(row.explanation());
    }

    /** Every table lists its outputs, and every row one entry per output (model 2.0.0 has no multi-output table). */
    @Test
    void describesEveryTablesOutputs() throws Exception {
        JsonNode tables = getJson("/api/v1/models/change-control.dmn/rules").path("tables");
        List<DecisionTableView> views = models.tables("change-control");
        assertThat(tables).hasSize(views.size());
        for (DecisionTableView view : views) {
            JsonNode table = byField(tables, "decision", view.decisionName());
            assertThat(json.convertValue(table.path("outputs"), List.class)).isEqualTo(view.outputNames());
            for (JsonNode row : table.path("rows")) {
                assertThat(row.path("outputEntries")).hasSize(view.outputNames().size());
            }
        }
    }

    @Test
    void describesEveryRuleOfADrlFileWithItsMetadata() throws Exception {
        JsonNode body = getJson("/api/v1/models/change-control.drl/rules");
        assertThat(body.path("kind").asText()).isEqualTo("DRL");
        assertThat(body.path("tables")).isEmpty();
        JsonNode divergence = byField(body.path("rules"), "ruleId", "CC-DIV-01");
        assertThat(divergence.path("citation").asText()).startsWith("HMR 2012 regs 17A/17B");
        assertThat(divergence.path("kind").asText()).isEqualTo("ADVISORY");
        assertThat(divergence.path("basis").asText()).isEqualTo("LAW");
        assertThat(divergence.path("file").asText()).isEqualTo("change-control.drl");
        assertThat(divergence.path("name").asText()).isEqualTo(rules.rule("CC-DIV-01").ruleName());
        assertThat(body.path("rules").findValuesAsText("ruleId")).noneMatch(id -> id.startsWith("DES-"));
    }

    @Test
    void everyRuleOfEveryDrlFileIsListedUnderExactlyOneFile() throws Exception {
        List<String> listed = new ArrayList<>();
        for (String id : List.of("change-control.drl", "designation-consistency.drl")) {
            listed.addAll(getJson("/api/v1/models/" + id + "/rules").path("rules").findValuesAsText("ruleId"));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(rules.rules().stream().map(RuleMetadata::ruleId).toList());
    }

    @Test
    void rendersEachDecisionTableOfADmnModelAsAnEscapedHtmlTable() throws Exception {
        String html = new String(get("/models/designation.dmn").body(), StandardCharsets.UTF_8);
        assertThat(html).contains("POC-SL-01", "HMR 2012 reg 2(2)(a)", "<td class=\"govuk-table__cell dma-entry\">&lt; 1</td>")
                .doesNotContain(">< 1<");

        Document page = getPage("/models/designation.dmn");
        List<DecisionTableView> expected = models.tables("designation");
        List<Element> sections = XhtmlReader.elements(page, "section").stream()
                .filter(s -> s.getAttribute("class").contains("dma-section")).toList();
        assertThat(sections).hasSameSizeAs(expected);
        for (int t = 0; t < expected.size(); t++) {
            DecisionTableView view = expected.get(t);
            Element section = sections.get(t);
            assertThat(XhtmlReader.elements(section, "h2").get(0).getTextContent()).isEqualTo(view.decisionName());
            assertThat(section.getTextContent()).contains("Hit policy: " + view.hitPolicy());
            view.favourable().forEach(o -> assertThat(section.getTextContent()).contains(o));
            List<Element> tables = XhtmlReader.elements(section, "table");
            assertThat(tables).hasSize(1);
            List<String> headings = XhtmlReader.elements(tables.get(0), "th").stream().map(Element::getTextContent).toList();
            assertThat(headings).hasSize(1 + view.inputLabels().size() + view.outputNames().size() + 3);
            assertThat(headings.get(0)).isEqualTo("Rule");
            assertThat(headings.subList(headings.size() - 3, headings.size()))
                    .containsExactly("Citation", "Basis", "Explanation");
            List<Element> rows = XhtmlReader.bodyRows(tables.get(0));
            assertThat(rows).hasSameSizeAs(view.rows());
            for (int r = 0; r < rows.size(); r++) {
                RuleRow row = view.rows().get(r);
                List<String> cells = new ArrayList<>();
                cells.add(row.ruleId());
                cells.addAll(row.inputEntries());
                cells.addAll(row.outputEntries());
                cells.addAll(List.of(row.citation(), row.basis(), row.explanation()));
                assertThat(XhtmlReader.cells(rows.get(r))).as(row.ruleId()).containsExactlyElementsOf(cells);
                assertThat(rows.get(r).getAttribute("id")).isEqualTo(row.ruleId());
            }
        }
    }

    @Test
    void rendersTheRulesOfADrlFile() throws Exception {
        Document page = getPage("/models/change-control.drl");
        List<Element> tables = XhtmlReader.elements(page, "table");
        assertThat(tables).hasSize(1);
        RuleMetadata divergence = rules.rule("CC-DIV-01");
        Element row = XhtmlReader.bodyRows(tables.get(0)).stream()
                .filter(r -> XhtmlReader.cells(r).get(0).equals("CC-DIV-01")).findFirst().orElseThrow();
        assertThat(XhtmlReader.cells(row)).containsExactly(divergence.ruleId(), divergence.ruleName(),
                divergence.kind(), divergence.citation(), divergence.basis());
        assertThat(XhtmlReader.bodyRows(tables.get(0))).hasSize(
                (int) rules.rules().stream().filter(r -> r.file().equals("change-control.drl")).count());
    }

    @Test
    void theIndexPageLinksEveryModelPageAndEachPageIsServed() throws Exception {
        Document index = getPage("/models");
        Set<String> links = new HashSet<>();
        XhtmlReader.elements(index, "a").forEach(a -> links.add(a.getAttribute("href")));
        for (String id : IDS) {
            assertThat(links).contains("/models/" + id, "/api/v1/models/" + id, "/api/v1/models/" + id + "/rules");
            getPage("/models/" + id);
            assertThat(disposition(get("/models/" + id)).getFilename()).isEqualTo(id + ".html");
        }
    }

    @Test
    void theHomePageLinksTheCatalogue() throws Exception {
        assertThat(new String(get("/").body(), StandardCharsets.UTF_8)).contains("href=\"/models\"");
    }

    @Test
    void anUnknownModelIs404ProblemDetailsForTheApiAndThePages() throws Exception {
        for (String path : List.of("/api/v1/models/nope.dmn", "/api/v1/models/nope.dmn/rules", "/models/nope.dmn",
                "/api/v1/models/designation", "/models/DESIGNATION.DMN")) {
            for (String accept : new String[] {null, BROWSER_ACCEPT}) {
                HttpResponse<byte[]> response = get(path, accept);
                assertThat(response.statusCode()).as(path + " " + accept).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type")).as(path + " " + accept)
                        .hasValue("application/problem+json");
                JsonNode problem = json.readTree(response.body());
                assertThat(problem.path("status").asInt()).isEqualTo(404);
                assertThat(problem.path("title").asText()).isEqualTo("Not Found");
                assertThat(problem.path("detail").asText()).contains("/api/v1/models");
                assertThat(problem.path("instance").asText()).isEqualTo(path);
            }
        }
    }

    /** The version the file itself declares: dma:version="..." in a DMN file, "// dma:version ..." in a DRL file. */
    private String declaredVersion(String id) throws Exception {
        String source = new String(getClass().getResourceAsStream((id.endsWith(".dmn") ? "/models/" : "/rules/") + id)
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("dma:version(?:=\"|\\s+)([0-9.]+)").matcher(source);
        assertThat(m.find()).as("version declared in %s", id).isTrue();
        return m.group(1);
    }
}
