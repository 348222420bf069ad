package uk.dmadvisor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.service.DmAdvisorApplication;

/**
 * The pages end to end in headless Chromium: designation profiles and a change log imported from CSV answered
 * from the regulatory test cases, the report as PDF, the decision record checked, errors shown in the summary and
 * beside their fields. Every page is saved as a screenshot and checked with axe-core (target/browser/).
 */
@SpringBootTest(classes = DmAdvisorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesInBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;
    private static Pages pages;

    @LocalServerPort
    int port;

    @BeforeAll
    static void cleanOutput() throws IOException {
        if (Files.isDirectory(Browser.OUTPUT)) {
            try (var files = Files.walk(Browser.OUTPUT)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    private void open(String path) throws IOException {
        if (browser == null) {
            browser = new Browser(port);
            pages = new Pages(browser);
        }
        browser.open(path);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void homePageLeadsToEveryPart() throws IOException {
        open("/");
        browser.check("home");
        assertThat(browser.all("main a").stream().map(a -> a.getDomAttribute("href")))
                .contains("/assess/designation", "/assess/change-control", "/records/check", "/models");
        assertThat(browser.driver().getPageSource()).doesNotContain("GDS Transport").doesNotContain("govuk-header__logo");
    }

    @Test
    @Order(2)
    void pointOfCareProductAndItsReport() throws Exception {
        JsonNode answer = profile("001-o15-water-pet-tracer", "poc");
        assertThat(pages.headlineOutcome()).isEqualTo("APPLY_FOR_POC");

        Path pdf = pages.download("Download the report (PDF)", "dm-advisor-report-");
        String text = pdfText(pdf);
        String digest = browser.text("#answer-seal").replaceAll("(?s).*?([0-9a-f]{64}).*", "$1");
        assertThat(text).contains("APPLY_FOR_POC", answer.path("request").path("product").path("name").asText(),
                "designation.dmn", "Provenance", "Seal");
        assertThat(text.replaceAll("\\s", "")).contains(digest);

        Path record = pages.download("Download the decision record", "decision-record-");
        JsonNode kept = JSON.readTree(record.toFile());
        assertThat(kept.path("kind").asText()).isEqualTo("DESIGNATION");
        assertThat(kept.path("response").path("seal").path("digest").asText()).isEqualTo(digest);

        WebElement ruleLink = browser.find(".dma-decisions a[href^='/models/']");
        String ruleId = ruleLink.getText();
        browser.follow(ruleLink);
        assertThat(browser.driver().getCurrentUrl()).contains("/models/").endsWith("#" + ruleId);
        assertThat(browser.all("tr[id='" + ruleId + "']")).hasSize(1);
        browser.check("model-browser-rule-" + ruleId);

        open("/records/check");
        browser.check("record-check");
        browser.find("#file").sendKeys(record.toAbsolutePath().toString());
        browser.follow(browser.find("main form button[type=submit]"));
        browser.check("record-check-intact");
        assertThat(browser.text(".dma-verdict")).contains("intact");
        assertThat(browser.text("main")).contains("INTACT", "MATCHES", "UNCHANGED", "SAME");

        ObjectNode tampered = (ObjectNode) kept.deepCopy();
        ((ObjectNode) tampered.path("response")).put("recommendation", "APPLY_FOR_MM");
        Path forged = Browser.DOWNLOADS.resolve("tampered-record.json");
        JSON.writeValue(forged.toFile(), tampered);
        open("/records/check");
        browser.find("#file").sendKeys(forged.toAbsolutePath().toString());
        browser.follow(browser.find("main form button[type=submit]"));
        browser.check("record-check-tampered");
        assertThat(browser.text(".dma-verdict")).contains("changed since the service sealed it");
        assertThat(browser.text("main")).contains("TAMPERED");
    }

    @Test
    @Order(3)
    void modularUnitProduct() throws Exception {
        profile("012-pandemic-mrna-vaccine-container-unit", "mm");
        assertThat(pages.headlineOutcome()).isEqualTo("APPLY_FOR_MM");
    }

    @Test
    @Order(4)
    void costOnlyJustificationDoesNotJustifyDecentralisedManufacture() throws Exception {
        profile("033-stable-generic-cost-only", "cost-only");
        // The reason the justification fails names its rule, linked to that rule in the model browser.
        assertThat(browser.all(".dma-reason__rule a")).extracting(a -> a.getDomAttribute("href"))
                .anyMatch(href -> href.endsWith("#JUS-02"));
    }

    @Test
    @Order(5)
    void uncertainFactsDoNotGetACleanYes() throws Exception {
        profile("011-tissue-engineered-cartilage-transport-unsure", "not-clean-yes");
        assertThat(browser.all(".govuk-tag")).extracting(WebElement::getText)
                .as("the blocking condition beside the answer").contains("BLOCKING");
        assertThat(browser.find("#answer-alternatives").getText()).isNotBlank();
    }

    /** Answers a designation case's request through the pages and checks the answer against the case. */
    private JsonNode profile(String caseName, String label) throws Exception {
        JsonNode testCase = Pages.testCase("designation", caseName);
        JsonNode request = testCase.path("request");
        open("/assess/designation");
        browser.check(label + "-start");
        browser.follow(browser.find("button[value=start]"));
        pages.answerAll(request, label);
        browser.check(label + "-check-answers");
        pages.submit();
        browser.check(label + "-answer");
        assertThat(pages.heading()).startsWith("Your answer");
        JsonNode expect = testCase.path("expect");
        assertThat(pages.headlineOutcome()).isEqualTo(expect.path("recommendation").asText());
        Map<String, String> shown = pages.decisions();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("decisions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> decision = it.next();
            String outcome = shown.getOrDefault(decision.getKey(), "?").replace(", ", ",");
            assertThat(outcome.equals("none") ? "" : outcome).as("decision %s", decision.getKey())
                    .isEqualTo(decision.getValue().asText());
        }
        ObjectNode record = JSON.createObjectNode();
        record.set("request", request);
        record.set("expect", expect);
        return record;
    }

    @Test
    @Order(6)
    void changeLogImportedFromCsv() throws Exception {
        JsonNode testCase = Pages.testCase("change-control", "057-network-changes-contract-example");
        JsonNode request = testCase.path("request");
        JsonNode questionnaire = questionnaire("change-control");
        assertThat(request.path("changes").size()).isGreaterThanOrEqualTo(3);

        open("/assess/change-control");
        browser.check("changes-start");
        Path template = Browser.DOWNLOADS.resolve("changes-template.csv");
        Files.writeString(template, get("/assess/change-control/templates/changes.csv"));
        assertThat(Files.readString(template)).startsWith("changeId,");

        for (JsonNode topic : questionnaire.path("topics")) {
            if (topic.hasNonNull("repeat")) {
                Path csv = Browser.DOWNLOADS.resolve(topic.path("id").asText() + "-log.csv");
                Files.writeString(csv, csvOf(topic, request.path(topic.path("repeat").asText())));
                browser.find("#csv-" + topic.path("id").asText()).sendKeys(csv.toAbsolutePath().toString());
            }
        }
        browser.follow(browser.find("form[enctype] button[type=submit]"));
        pages.answerAll(request, "changes");
        browser.check("changes-check-answers");
        assertThat(browser.all("main h3").stream().map(WebElement::getText).filter(t -> t.startsWith("Change ")))
                .hasSize(request.path("changes").size());
        pages.submit();
        browser.check("changes-answer");

        JsonNode expect = testCase.path("expect");
        assertThat(pages.headlineOutcome()).isEqualTo(expect.path("overall").path("route").asText());
        String changes = browser.find("#answer-changes table").getText();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("changes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> change = it.next();
            WebElement row = browser.find("#answer-changes table").findElements(By.cssSelector("tbody tr")).stream()
                    .filter(r -> r.getText().startsWith(change.getKey())).findFirst().orElseThrow();
            assertThat(row.getText()).as("change %s", change.getKey()).contains(change.getValue().path("route").asText());
        }
        assertThat(changes).isNotBlank();
        assertThat(browser.text("#answer-sites")).contains(request.path("sites").get(0).path("id").asText());

        String changesTitle = topic(questionnaire, "changes").path("title").asText();
        Path results = pages.download("Download " + changesTitle.toLowerCase(Locale.ROOT) + " with results",
                "changes-results-");
        try (CSVParser csv = CSVParser.parse(results, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().get())) {
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).hasSize(request.path("changes").size());
            assertThat(csv.getHeaderNames()).contains("changeId", "result.route", "result.actions");
            for (CSVRecord row : rows) {
                JsonNode expected = expect.path("changes").path(row.get("changeId"));
                if (!expected.isMissingNode()) {
                    assertThat(row.get("result.route")).isEqualTo(expected.path("route").asText());
                }
            }
        }
        String pdf = pdfText(pages.download("Download the report (PDF)", "dm-advisor-report-"));
        assertThat(pdf).contains(expect.path("overall").path("route").asText(), "change-control.dmn",
                request.path("changes").get(0).path("id").asText());
    }

    @Test
    @Order(7)
    void pageErrorsShowInTheSummaryAndBesideTheirFields() throws IOException {
        open("/assess/designation");
        browser.follow(browser.find("button[value=start]"));
        browser.follow(pages.continueButton());
        browser.check("errors-unanswered");
        assertThat(browser.driver().getTitle()).startsWith("Error:");
        List<WebElement> links = browser.all(".govuk-error-summary__list a");
        assertThat(links).isNotEmpty();
        for (WebElement link : links) {
            String target = link.getDomAttribute("href").substring(1);
            WebElement field = browser.find("[id='" + target + "']");
            assertThat(field.findElement(By.xpath("ancestor::div[contains(@class,'govuk-form-group')]"))
                    .getDomAttribute("class")).contains("govuk-form-group--error");
        }
    }

    @Test
    @Order(8)
    void apiProblemsAreShownAtTheQuestionTheyName() throws Exception {
        JsonNode request = Pages.testCase("change-control", "057-network-changes-contract-example").path("request").deepCopy();
        ObjectNode second = (ObjectNode) request.path("changes").get(1);
        second.put("id", request.path("changes").get(0).path("id").asText());
        Path file = Browser.DOWNLOADS.resolve("duplicate-change-ids.json");
        JSON.writeValue(file.toFile(), request);
        open("/assess/change-control");
        browser.find("#request-file").sendKeys(file.toAbsolutePath().toString());
        browser.follow(browser.find("form[enctype] button[type=submit]"));
        assertThat(pages.onCheckPage()).isTrue();
        pages.submit();
        browser.check("errors-from-the-api");
        String summary = browser.text(".govuk-error-summary");
        JsonNode idQuestion = question(topic(questionnaire("change-control"), "changes"), "id");
        assertThat(summary).contains("Change 2").contains(idQuestion.path("text").asText());
        WebElement link = browser.find(".govuk-error-summary__list a");
        WebElement row = browser.find("[id='" + link.getDomAttribute("href").substring(1) + "']");
        assertThat(row.getDomAttribute("class")).contains("dma-row--error");
        assertThat(row.getText()).contains(request.path("changes").get(0).path("id").asText());
    }

    @Test
    @Order(9)
    void csvImportErrorsNameRowAndColumn() throws IOException {
        open("/assess/change-control");
        Path csv = Browser.DOWNLOADS.resolve("bad-changes.csv");
        String header = get("/assess/change-control/templates/changes.csv").strip();
        List<String> columns = List.of(header.split(",", -1));
        // A row with an identifier and a value no choice of the "What changes?" question offers.
        String choiceColumn = question(topic(questionnaire("change-control"), "changes"), "subject").path("id").asText();
        String[] cells = new String[columns.size()];
        Arrays.fill(cells, "");
        cells[0] = "CC-1";
        cells[columns.indexOf(choiceColumn)] = "MAYBE";
        Files.writeString(csv, header + "\r\n" + String.join(",", cells) + "\r\n");
        browser.find("#csv-changes").sendKeys(csv.toAbsolutePath().toString());
        browser.follow(browser.find("form[enctype] button[type=submit]"));
        browser.check("errors-csv-import");
        assertThat(browser.text(".govuk-error-summary")).contains("Row 2, column " + choiceColumn, "\"MAYBE\"");
    }

    @Test
    @Order(10)
    void formsRefuseAPostWithoutTheirTokenWhileTheApiTakesJson() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(browser.base() + "/assess/designation"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=start")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        String body = JSON.writeValueAsString(Pages.testCase("designation", "001-o15-water-pet-tracer").path("request"));
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/designation-assessments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void modelCataloguePages() throws IOException {
        open("/models");
        browser.check("models");
        browser.follow(browser.find("main table a[href^='/models/']"));
        browser.check("model-page");
        assertThat(browser.all("main table tbody tr")).isNotEmpty();
    }

    @Test
    @Order(98)
    void noPageHasAnAssetRefusedOrMissing() {
        assertThat(browser.consoleErrors()).as("browser console errors (Content-Security-Policy, missing assets)").isEmpty();
    }

    @Test
    @Order(99)
    void everyPageIsFreeOfSeriousAccessibilityViolations() {
        assertThat(browser.pagesChecked()).isGreaterThan(20);
        assertThat(browser.seriousViolations()).as("axe-core: serious or critical violations (target/browser/axe-results.json)")
                .isEmpty();
    }

    private static JsonNode topic(JsonNode questionnaire, String id) {
        for (JsonNode topic : questionnaire.path("topics")) {
            if (topic.path("id").asText().equals(id)) {
                return topic;
            }
        }
        throw new AssertionError("No topic " + id + " in the questionnaire");
    }

    private static JsonNode question(JsonNode topic, String field) {
        for (JsonNode question : topic.path("questions")) {
            if (question.path("field").asText().equals(field)) {
                return question;
            }
        }
        throw new AssertionError("No question for " + field + " in topic " + topic.path("id").asText());
    }

    private JsonNode questionnaire(String model) throws IOException {
        return JSON.readTree(get("/api/v1/questionnaires/" + model));
    }

    private String get(String path) throws IOException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A list as the CSV layout documents it: one column per question id, lists joined by semicolons. */
    private static String csvOf(JsonNode topic, JsonNode items) throws IOException {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        topic.path("questions").forEach(q -> header.add(q.path("id").asText()));
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (JsonNode item : items) {
                List<String> row = new ArrayList<>();
                for (JsonNode q : topic.path("questions")) {
                    JsonNode value = Pages.at(item, q.path("field").asText());
                    List<String> parts = new ArrayList<>();
                    (value.isArray() ? value : value.isMissingNode() || value.isNull() ? List.<JsonNode>of() : List.of(value))
                            .forEach(v -> parts.add(v.asText()));
                    row.add(String.join(";", parts));
                }
                printer.printRecord(row);
            }
        }
        return out.toString();
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(document);
        }
    }
}
