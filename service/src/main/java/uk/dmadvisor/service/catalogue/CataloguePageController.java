package uk.dmadvisor.service.catalogue;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue as HTML pages, for reviewers who read tables rather than XML. */
@RestController
class CataloguePageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ModelCatalogue catalogue;

    CataloguePageController(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(CatalogueLinks.INDEX_PAGE)
    ResponseEntity<String> index() {
        return ResponseEntity.ok().contentType(HTML).body(CataloguePages.index(catalogue.entries()));
    }

    @GetMapping(CatalogueLinks.INDEX_PAGE + "/{id}")
    ResponseEntity<String> page(@PathVariable("id") String id) {
        CatalogueEntry entry = catalogue.entry(id);
        return ResponseEntity.ok().contentType(HTML)
                .header(HttpHeaders.CONTENT_DISPOSITION, CatalogueLinks.inline(entry.id() + ".html"))
                .body(CataloguePages.model(entry));
    }
}
