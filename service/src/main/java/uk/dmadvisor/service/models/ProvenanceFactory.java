package uk.dmadvisor.service.models;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** Provenance for one answer: the fixed facts about the service and its models, plus this request's. */
    public Provenance provenance(String requestSha256) {
        return new Provenance().service(template.getService()).serviceVersion(template.getServiceVersion())
                .engine(template.getEngine()).modelsSha256(template.getModelsSha256())
                .models(List.copyOf(template.getModels())).rules(List.copyOf(template.getRules()))
                .requestSha256(requestSha256)
                .evaluatedAt(OffsetDateTime.now(ZoneOffset.UTC))
                .requestId(RequestIds.current());
    }

    /** Every model and rule file currently loaded, by file name, with its hash. */
    public java.util.Map<String, String> currentHashes() {
        java.util.Map<String, String> hashes = new java.util.TreeMap<>();
        template.getModels().forEach(m -> hashes.put(m.getFile(), m.getSha256()));
        template.getRules().forEach(m -> hashes.put(m.getFile(), m.getSha256()));
        return hashes;
    }
}
