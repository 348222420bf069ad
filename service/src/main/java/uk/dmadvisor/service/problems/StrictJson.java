package uk.dmadvisor.service.problems;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Request reading that leaves no null where the contract has none: a null inside a list (a site, a change, a site
 * id) is refused as the list is read, naming its position, instead of reaching the models (the contract fuzzer
 * found such a list answered with a 500).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noNullsInLists() {
        return builder -> builder.postConfigurer(mapper ->
                mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
    }
}
