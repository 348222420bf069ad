package uk.dmadvisor.service.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.service.DmAdvisorProperties;

/** Compiles the DMN models and DRL rules once at startup; the application is not ready until both have compiled. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModelsConfiguration.class);

    @Bean
    DecisionModels decisionModels(DmAdvisorProperties properties) {
        long start = System.nanoTime();
        DecisionModels.Engine engine = properties.models().engine();
        DecisionModels models = DecisionModels.fromClasspath(properties.models().dmn(), engine);
        log.info("Compiled {} DMN model(s) for the {} evaluator in {} ms", models.sources().size(), engine,
                (System.nanoTime() - start) / 1_000_000);
        return models;
    }

    @Bean
    RequestRules requestRules(DmAdvisorProperties properties) {
        long start = System.nanoTime();
        RequestRules rules = RequestRules.fromClasspath(properties.models().drl());
        log.info("Compiled {} DRL rule file(s) in {} ms", rules.sources().size(), (System.nanoTime() - start) / 1_000_000);
        return rules;
    }
}
