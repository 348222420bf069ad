package uk.dmadvisor.service.models;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Answers are written from the bytes they were sealed from, ahead of the general JSON converter. */
@Configuration(proxyBeanMethods = false)
class AnswersWebConfiguration implements WebMvcConfigurer {

    private final ObjectMapper json;

    AnswersWebConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new SealedAnswerConverter(json));
    }
}
