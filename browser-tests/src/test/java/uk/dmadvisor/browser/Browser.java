package uk.dmadvisor.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Headless Chromium (Debian's chromium and chromedriver) for the page tests: every page visited is saved as a
 * full-page screenshot and checked with axe-core; serious and critical violations are collected for the test to fail on.
 */
final class Browser implements AutoCloseable {

    static final Path OUTPUT = Path.of(System.getProperty("browser.output", "target/browser"));
    static final Path DOWNLOADS = OUTPUT.resolve("downloads");

    private final ChromeDriver driver;
    private final String axe;
    private final String base;
    private final ObjectMapper json = new ObjectMapper();
    private final ArrayNode axeResults = json.createArrayNode();
    private final List<String> seriousViolations = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();
    private int shots;

    Browser(int port) throws IOException {
        this.base = "http://127.0.0.1:" + port;
        File chromium = new File(System.getProperty("browser.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + chromium + ", " + chromedriver + "): apt-get install -y chromium chromium-driver");
        }
        Path axeFile = Path.of(System.getProperty("browser.axe", "node_modules/axe-core/axe.min.js"));
        this.axe = Files.readString(axeFile, StandardCharsets.UTF_8);
        Files.createDirectories(DOWNLOADS);
        Path profile = Files.createTempDirectory("dm-advisor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", DOWNLOADS.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        Files.createDirectories(OUTPUT);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().withLogFile(OUTPUT.resolve("chromedriver.log").toFile()).build();
        this.driver = new ChromeDriver(service, options,
                ClientConfig.defaultConfig().readTimeout(Duration.ofSeconds(90)));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", DOWNLOADS.toAbsolutePath().toString()));
    }

    ChromeDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Clicks a link or a submit button and waits until the next page has loaded. */
    void follow(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> isGone(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the page an element belonged to has been replaced. Caught mid-navigation, Chromium may answer "does not
     * belong to the document" as an unknown error rather than a stale reference; both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks through JavaScript, which reaches inputs GOV.UK styles as visually hidden (radios, checkboxes). */
    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
    }

    /** Saves a full-page screenshot and runs axe-core on the page, as the page a person sees now. */
    void check(String name) {
        String file = String.format("%02d-%s.png", ++shots, name);
        try {
            Map<String, Object> shot = screenshot();
            Files.createDirectories(OUTPUT.resolve("screenshots"));
            Files.write(OUTPUT.resolve("screenshots").resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(name + ": " + entry.getMessage());
            }
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)),"
                + " e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        try {
            JsonNode violations = json.readTree(result.toString());
            var page = axeResults.addObject();
            page.put("page", name);
            page.put("url", driver.getCurrentUrl());
            page.put("screenshot", "screenshots/" + file);
            page.set("violations", violations);
            for (JsonNode violation : violations) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    seriousViolations.add(name + ": " + impact + " " + violation.path("id").asText() + " ("
                            + violation.path("help").asText() + ") at " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> seriousViolations() {
        return seriousViolations;
    }

    /**
     * A full-page screenshot. Chromium may still be swapping the page's renderer just after a navigation, which
     * aborts the DevTools command ("Not attached to an active page"); the shot is then taken again.
     */
    private Map<String, Object> screenshot() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3) {
                    throw e;
                }
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                        "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            }
        }
    }

    /** Errors the browser reported: a refused script or style (Content-Security-Policy), an asset not found. */
    List<String> consoleErrors() {
        return consoleErrors;
    }

    int pagesChecked() {
        return axeResults.size();
    }

    @Override
    public void close() throws IOException {
        try {
            Files.createDirectories(OUTPUT);
            json.writerWithDefaultPrettyPrinter().writeValue(OUTPUT.resolve("axe-results.json").toFile(), axeResults);
        } finally {
            driver.quit();
        }
    }
}
