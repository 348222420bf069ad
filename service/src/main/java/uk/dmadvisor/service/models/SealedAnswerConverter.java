package uk.dmadvisor.service.models;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.DesignationAssessment;

/**
 * Writes an assessment answer as the bytes its seal was computed from (see {@link SealedBodies}), so the answer is
 * not serialised a second time; an answer sealed elsewhere is written by Jackson as usual.
 */
final class SealedAnswerConverter extends AbstractHttpMessageConverter<Object> {

    private final ObjectMapper json;

    SealedAnswerConverter(ObjectMapper json) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return type == DesignationAssessment.class || type == ChangeAssessment.class;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Answers are written, never read", input);
    }

    @Override
    protected Long getContentLength(Object answer, MediaType contentType) {
        return SealedBodies.bodyOf(answer).map(body -> (long) body.length).orElse(null);
    }

    @Override
    protected void writeInternal(Object answer, HttpOutputMessage output) throws IOException {
        Optional<byte[]> body = SealedBodies.bodyOf(answer);
        if (body.isPresent()) {
            output.getBody().write(body.get());
        } else {
            json.writeValue(output.getBody(), answer);
        }
    }
}
