package uk.dmadvisor.service.observability;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Starts the clock of {@link AnswerMetrics} when a request reaches its handler. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration implements WebMvcConfigurer {

    private final AnswerMetrics metrics;

    ObservabilityConfiguration(AnswerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(metrics).addPathPatterns("/api/**");
    }
}
