package uk.dmadvisor.service.models;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.rules.RequestRules;

/** Part of the readiness group: reports the compiled models and rules with their versions and hashes. */
@Component
class ModelsHealthIndicator implements HealthIndicator {

    private final DecisionModels models;
    private final RequestRules rules;

    ModelsHealthIndicator(DecisionModels models, RequestRules rules) {
        this.models = models;
        this.rules = rules;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        models.sources().forEach(s -> health.withDetail(s.fileName(), s.version() + " " + s.sha256()));
        rules.sources().forEach(s -> health.withDetail(s.fileName(), s.version() + " " + s.sha256()));
        return health.build();
    }
}
