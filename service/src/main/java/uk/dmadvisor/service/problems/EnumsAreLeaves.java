package uk.dmadvisor.service.problems;

import java.lang.annotation.ElementType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

/**
 * Bean Validation does not cascade into enum values. The generated contract classes put {@code @Valid} on every
 * property whose schema is a reference, enums included; an enum has nothing to validate, but Hibernate Validator
 * records every path it cascades into per object, and the enum constants are shared, so a change assessment with
 * a thousand changes of some seventy tri-state answers each made the check quadratic (minutes for one request).
 */
@Configuration(proxyBeanMethods = false)
class EnumsAreLeaves implements TraversableResolver {

    private final Map<Class<?>, Map<String, Boolean>> enumProperties = new ConcurrentHashMap<>();

    @Bean
    ValidationConfigurationCustomizer enumsAreNotCascaded() {
        return configuration -> configuration.traversableResolver(this);
    }

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        if (traversableObject == null || traversableProperty.getName() == null) {
            return true;
        }
        return !enumProperties.computeIfAbsent(traversableObject.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(traversableProperty.getName(), name -> isEnum(traversableObject.getClass(), name));
    }

    private static boolean isEnum(Class<?> type, String property) {
        String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() == 0
                        && (method.getName().equals("get" + capitalised) || method.getName().equals("is" + capitalised))) {
                    return method.getReturnType().isEnum();
                }
            }
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(property)) {
                    return field.getType().isEnum();
                }
            }
        }
        return false;
    }
}
