package uk.dmadvisor.service.catalogue;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import uk.dmadvisor.api.ModelsApi;
import uk.dmadvisor.api.model.ModelRules;
import uk.dmadvisor.api.model.ModelSummary;

@RestController
class CatalogueController implements ModelsApi {

    private final ModelCatalogue catalogue;

    CatalogueController(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public ResponseEntity<List<ModelSummary>> listModels() {
        return ResponseEntity.ok(catalogue.entries().stream().map(ModelDescriptions::summary).toList());
    }

    @Override
    public ResponseEntity<String> getModelSource(String id) {
        CatalogueEntry entry = catalogue.entry(id);
        return ResponseEntity.ok().contentType(entry.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, CatalogueLinks.inline(entry.id()))
                .body(entry.source().text());
    }

    @Override
    public ResponseEntity<ModelRules> getModelRules(String id) {
        return ResponseEntity.ok(ModelDescriptions.rules(catalogue.entry(id)));
    }
}
