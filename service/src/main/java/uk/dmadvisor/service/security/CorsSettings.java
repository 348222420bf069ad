package uk.dmadvisor.service.security;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import uk.dmadvisor.service.DmAdvisorProperties;

/**
 * Cross-origin calls from browser pages are refused unless the operator lists the origins allowed to make them
 * ({@code dm-advisor.security.cors-allowed-origins}); then only {@code /api/**} is open to those origins.
 */
@Configuration(proxyBeanMethods = false)
class CorsSettings implements WebMvcConfigurer {

    private final List<String> origins;

    CorsSettings(DmAdvisorProperties properties) {
        this.origins = properties.security().corsAllowedOrigins().stream().filter(o -> !o.isBlank()).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (!origins.isEmpty()) {
            registry.addMapping("/api/**").allowedOrigins(origins.toArray(String[]::new))
                    .allowedMethods("GET", "POST").allowedHeaders("Content-Type", ApiKeys.HEADER, "X-Request-Id")
                    .exposedHeaders("X-Request-Id").maxAge(3600);
        }
    }
}
