package uk.dmadvisor.service.models;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.service.DmAdvisorProperties;

/**
 * Loads the DMN models and the DRL rules once at startup, side by side (the rules on a second thread); the
 * application is not ready until both have loaded.
 */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModelsConfiguration.class);

    record LoadedModels(DecisionModels models, RequestRules rules) {
    }

    @Bean
    LoadedModels loadedModels(DmAdvisorProperties properties) {
        CompletableFuture<RequestRules> rules = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            RequestRules loaded = RequestRules.fromClasspath(properties.models().drl());
            log.info("Loaded {} DRL rule file(s) in {} ms", loaded.sources().size(), (System.nanoTime() - start) / 1_000_000);
            return loaded;
        });
        long start = System.nanoTime();
        DecisionModels.Engine engine = properties.models().engine();
        DecisionModels models = DecisionModels.fromClasspath(properties.models().dmn(), engine);
        log.info("Compiled {} DMN model(s) for the {} evaluator in {} ms", models.sources().size(), engine,
                (System.nanoTime() - start) / 1_000_000);
        try {
            return new LoadedModels(models, rules.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    @Bean
    DecisionModels decisionModels(LoadedModels loaded) {
        return loaded.models();
    }

    @Bean
    RequestRules requestRules(LoadedModels loaded) {
        return loaded.rules();
    }
}
