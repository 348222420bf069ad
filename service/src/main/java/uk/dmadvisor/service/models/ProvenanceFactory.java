package uk.dmadvisor.service.models;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

import uk.dmadvisor.api.model.ModelReference;
import uk.dmadvisor.api.model.Provenance;
import uk.dmadvisor.dmn.ContentHash;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelSource;
import uk.dmadvisor.rules.RequestRules;

/** Names the service, engine and exact model files behind every answer, so an answer can be reproduced later. */
@Component
public class ProvenanceFactory {

    private final Provenance template;

    ProvenanceFactory(DecisionModels models, RequestRules rules, ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String serviceVersion = properties == null ? "development" : properties.getVersion();
        String engineVersion = properties == null || properties.get("kie.version") == null
                ? "unknown" : properties.get("kie.version");
        List<ModelSource> all = new ArrayList<>(models.sources());
        all.addAll(rules.sources());
        template = new Provenance()
                .service("dm-advisor")
                .serviceVersion(serviceVersion)
                .engine("Apache KIE DMN " + engineVersion + " / Drools " + engineVersion)
                .modelsSha256(ContentHash.combined(all))
                .models(models.sources().stream().map(ProvenanceFactory::reference).toList())
                .rules(rules.sources().stream().map(ProvenanceFactory::reference).toList());
    }

    private static ModelReference reference(ModelSource source) {
        return new ModelReference().name(source.name()).file(source.fileName())
                .version(source.version()).sha256(source.sha256());
    }

    public Provenance provenance() {
        return new Provenance().service(template.getService()).serviceVersion(template.getServiceVersion())
                .engine(template.getEngine()).modelsSha256(template.getModelsSha256())
                .models(List.copyOf(template.getModels())).rules(List.copyOf(template.getRules()));
    }
}
