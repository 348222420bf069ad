package uk.dmadvisor.service.problems;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Request reading that lets nothing through that the contract does not allow and the models could trip on (the
 * contract fuzzer found both answered with a 500): a null inside a list (a site, a change, a site id) is refused
 * as the list is read, naming its position; a number too large for a double (1E400 reads as infinity) is refused
 * as out of range.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noNullsInLists() {
        return builder -> builder.postConfigurer(mapper ->
                mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)));
    }

    /** Spring Boot installs every Module bean in the application's ObjectMapper. */
    @Bean
    Module finiteNumbers() {
        SimpleModule module = new SimpleModule("finite-numbers");
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0));
        return module;
    }

    /** A double that must be finite: JSON has no infinity, so an overflowing literal is out of range, not infinite. */
    static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        FiniteDouble(Class<Double> type, Double empty) {
            super(type, empty);
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Double value = super.deserialize(parser, context);
            if (value != null && (value.isInfinite() || value.isNaN())) {
                throw InvalidFormatException.from(parser, "out of range", parser.getText(), Double.class);
            }
            return value;
        }
    }
}
