package uk.dmadvisor.service.catalogue;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletResponse;

/** The catalogue as HTML pages, for reviewers who read tables rather than XML. */
@Controller
class CataloguePageController {

    private final ModelCatalogue catalogue;

    CataloguePageController(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(CatalogueLinks.INDEX_PAGE)
    String index(Model page) {
        page.addAllAttributes(CataloguePages.index(catalogue.entries()));
        page.addAttribute("current", "models");
        return "catalogue/index";
    }

    @GetMapping(CatalogueLinks.INDEX_PAGE + "/{id}")
    String page(@PathVariable("id") String id, Model page, HttpServletResponse response) {
        CatalogueEntry entry = catalogue.entry(id);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, CatalogueLinks.inline(entry.id() + ".html"));
        page.addAllAttributes(CataloguePages.model(entry));
        page.addAttribute("current", "models");
        return "catalogue/model";
    }
}
