package uk.dmadvisor.service.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GOV.UK Frontend's compiled stylesheet from its webjar, without the GDS Transport typeface, which is reserved
 * for GOV.UK services: its font faces are dropped and the pages fall back to the stylesheet's own second choice
 * (Arial). Asset URLs point into the webjar, so nothing is loaded from elsewhere.
 */
@RestController
class GovukStyles {

    static final String PATH = "/assets/govuk-frontend.css";
    private static final String WEBJAR = "META-INF/resources/webjars/govuk-frontend/";
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    private final String css;

    GovukStyles(@org.springframework.beans.factory.annotation.Value("${dm-advisor.pages.govuk-frontend-version}") String version) {
        String path = WEBJAR + version + "/dist/govuk/govuk-frontend.min.css";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            css = rewrite(new String(in.readAllBytes(), StandardCharsets.UTF_8), "/webjars/govuk-frontend/" + version
                    + "/dist/govuk/assets/");
        } catch (IOException e) {
            throw new UncheckedIOException("GOV.UK Frontend is missing from the classpath: " + path, e);
        }
    }

    static String rewrite(String css, String assets) {
        String withoutFonts = css.replaceAll("@font-face\\{[^}]*GDS Transport[^}]*\\}", "")
                .replace("font-family:GDS Transport,arial,sans-serif", "font-family:arial,sans-serif")
                .replace("font-family:GDS Transport", "font-family:arial");
        if (withoutFonts.contains("GDS Transport")) {
            throw new IllegalStateException("GOV.UK Frontend names the GDS Transport typeface in a way this service does not remove");
        }
        return withoutFonts.replace("url(/assets/", "url(" + assets);
    }

    @GetMapping(PATH)
    ResponseEntity<String> stylesheet() {
        return ResponseEntity.ok().contentType(CSS).cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(css);
    }
}
