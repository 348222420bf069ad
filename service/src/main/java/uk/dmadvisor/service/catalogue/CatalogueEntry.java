package uk.dmadvisor.service.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;

import uk.dmadvisor.dmn.DecisionTableView;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.rules.RuleMetadata;

/** One model file of the catalogue: its source, and its decision tables (DMN) or rules (DRL). */
record CatalogueEntry(ModelSource source, List<DecisionTableView> tables, List<RuleMetadata> rules) {

    String id() {
        return source.fileName();
    }

    MediaType mediaType() {
        return source.kind() == ModelSource.Kind.DMN ? MediaType.APPLICATION_XML
                : new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    }
}
