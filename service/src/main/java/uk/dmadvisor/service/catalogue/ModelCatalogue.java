package uk.dmadvisor.service.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.rules.RequestRules;

/** Every DMN model and DRL rule file the service loaded, by id (its file name). */
@Component
class ModelCatalogue {

    private final Map<String, CatalogueEntry> entries = new LinkedHashMap<>();

    ModelCatalogue(DecisionModels models, RequestRules rules) {
        models.sources().forEach(s -> add(new CatalogueEntry(s, models.tables(s.name()), List.of())));
        rules.sources().forEach(s -> add(new CatalogueEntry(s, List.of(),
                rules.rules().stream().filter(r -> r.file().equals(s.fileName())).toList())));
    }

    private void add(CatalogueEntry entry) {
        ModelSource source = entry.source();
        // The source endpoint serves text, so it is exact only if the bytes survive a UTF-8 round trip.
        if (!Arrays.equals(source.text().getBytes(StandardCharsets.UTF_8), source.content())) {
            throw new IllegalStateException("Model file " + source.fileName() + " is not valid UTF-8");
        }
        if (entries.putIfAbsent(entry.id(), entry) != null) {
            throw new IllegalStateException("Two model files are named " + entry.id());
        }
    }

    Collection<CatalogueEntry> entries() {
        return entries.values();
    }

    CatalogueEntry entry(String id) {
        CatalogueEntry entry = entries.get(id);
        if (entry == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "No model has the id '" + id + "'; the catalogue is at " + CatalogueLinks.LIST);
        }
        return entry;
    }
}
