package uk.dmadvisor.service.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Each request is validated once. The generated API interfaces carry {@code @Validated}, which would wrap every
 * controller in a method-validation proxy that validates the body Spring MVC has just validated for its
 * {@code @Valid} parameter; method validation is therefore kept to beans that ask for it with
 * {@link MethodValidated}.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    /** Marks a bean whose method parameters are validated on call (none of the controllers). */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface MethodValidated {
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static MethodValidationPostProcessor methodValidationPostProcessor() {
        MethodValidationPostProcessor processor = new MethodValidationPostProcessor();
        processor.setValidatedAnnotationType(MethodValidated.class);
        return processor;
    }
}
