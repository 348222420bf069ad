package uk.dmadvisor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Drives the assessment pages the way a person does, answering each page's questions from a request. */
final class Pages {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path CASES = Path.of(System.getProperty("browser.testCases", "../test-cases"));

    private final Browser browser;

    Pages(Browser browser) {
        this.browser = browser;
    }

    /** A regulatory test case (test-cases/<folder>/<name>.yaml). */
    static JsonNode testCase(String folder, String name) {
        try (Stream<Path> files = Files.list(CASES.resolve(folder))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No test case " + name + " in " + CASES.resolve(folder)));
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                node = node.path(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.path(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }

    boolean onCheckPage() {
        return browser.text("h1").equals("Check your answers");
    }

    String heading() {
        return browser.text("h1");
    }

    /** Answers topic after topic from the request until the check-your-answers page. */
    void answerAll(JsonNode request, String screenshotPrefix) {
        for (int page = 0; page < 40 && !onCheckPage(); page++) {
            answerPage(request);
            browser.check(screenshotPrefix + "-" + browser.find("input[name=topic]").getDomProperty("value"));
            browser.follow(continueButton());
        }
        if (!onCheckPage()) {
            throw new AssertionError("Never reached the check-your-answers page; last page: " + heading());
        }
    }

    /** Fills every question the page shows with the request's answer; adds items until a list has them all. */
    void answerPage(JsonNode request) {
        String repeat = browser.find("form[method=post]").getDomAttribute("data-repeat");
        if (repeat != null) {
            int wanted = at(request, repeat).size();
            while (browser.all(".dma-repeat-item").size() < wanted) {
                browser.follow(browser.find("button[value=add]"));
            }
        }
        String shown = browser.find("input[name=shown]").getDomProperty("value");
        for (String path : shown.split("\n")) {
            if (!path.isBlank()) {
                answer(path.strip(), at(request, path.strip()));
            }
        }
    }

    void answer(String path, JsonNode value) {
        List<WebElement> fields = browser.all("[name=\"" + path + "\"]");
        if (fields.isEmpty() || value.isMissingNode() || value.isNull()) {
            return;
        }
        WebElement first = fields.get(0);
        String type = first.getDomAttribute("type");
        List<String> values = new ArrayList<>();
        (value.isArray() ? value : List.of(value)).forEach(v -> values.add(v.isNumber()
                ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText()));
        if ("radio".equals(type) || "checkbox".equals(type)) {
            for (WebElement field : fields) {
                boolean wanted = values.contains(field.getDomAttribute("value"));
                if (wanted != field.isSelected()) {
                    browser.click(field);
                }
            }
        } else if (first.getTagName().equals("select")) {
            new Select(first).selectByValue(values.get(0));
        } else {
            first.clear();
            first.sendKeys(values.get(0));
        }
    }

    WebElement continueButton() {
        return browser.find(".govuk-button-group button[value=continue]");
    }

    void submit() {
        browser.follow(browser.find(".govuk-button-group button[value=submit]"));
    }

    /** The outcome of each decision in the answer's decisions table. */
    Map<String, String> decisions() {
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.all(".dma-decisions tbody tr")) {
            outcomes.put(row.findElement(org.openqa.selenium.By.cssSelector("th")).getText(),
                    row.findElements(org.openqa.selenium.By.cssSelector("td")).get(0).getText());
        }
        return outcomes;
    }

    String headlineOutcome() {
        return browser.text(".dma-headline__outcome .govuk-tag");
    }

    /** Clicks a download button and waits for the file the browser saves. */
    Path download(String buttonText, String prefix) throws IOException, InterruptedException {
        Instant started = Instant.now();
        for (WebElement button : browser.all(".dma-downloads button")) {
            if (button.getText().startsWith(buttonText)) {
                button.click();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (Instant.now().isBefore(deadline)) {
                    try (Stream<Path> files = Files.list(Browser.DOWNLOADS)) {
                        var found = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                                .filter(p -> !p.getFileName().toString().endsWith(".crdownload"))
                                .filter(p -> p.toFile().lastModified() >= started.toEpochMilli() - 1000)
                                .findFirst();
                        if (found.isPresent() && Files.size(found.get()) > 0) {
                            return found.get();
                        }
                    }
                    Thread.sleep(200);
                }
                throw new AssertionError("No download starting " + prefix + " arrived");
            }
        }
        throw new AssertionError("No download button '" + buttonText + "'");
    }
}
