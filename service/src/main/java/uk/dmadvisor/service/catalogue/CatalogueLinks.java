package uk.dmadvisor.service.catalogue;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.web.util.UriUtils;

/** Where each view of a model is served; the JSON catalogue and the HTML pages link with the same paths. */
final class CatalogueLinks {

    static final String LIST = "/api/v1/models";
    static final String INDEX_PAGE = "/models";

    private CatalogueLinks() {
    }

    static String source(String id) {
        return LIST + "/" + segment(id);
    }

    static String rules(String id) {
        return source(id) + "/rules";
    }

    static String page(String id) {
        return INDEX_PAGE + "/" + segment(id);
    }

    /**
     * Names the file a browser saves. Without it, Spring's guard against reflected file downloads labels any path
     * ending in an unknown extension such as .dmn as "f.txt"; the content here is the model's, never the request's.
     */
    static String inline(String fileName) {
        return ContentDisposition.inline().filename(fileName).build().toString();
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
