package uk.dmadvisor.service.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Optional;

import org.erdtman.jcs.JsonCanonicalizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import uk.dmadvisor.dmn.ContentHash;

/**
 * Hashes each request body as the client sent it, in RFC 8785 canonical form, so that anyone holding the request
 * can recompute the hash an answer names with any JCS implementation (whitespace, key order and number forms do
 * not matter). The body is canonicalised once Jackson has accepted it, from the bytes already read.
 */
@ControllerAdvice
public class RequestHashes extends RequestBodyAdviceAdapter {

    private static final String BYTES = RequestHashes.class.getName() + ".bytes";
    private static final String HASHED = RequestHashes.class.getName() + ".hashed";

    /** The hash of the body that was read as this request object. */
    private record Hashed(Object request, String sha256) {
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converter) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        attributes().ifPresent(a -> a.setAttribute(BYTES, body, RequestAttributes.SCOPE_REQUEST));
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converter) {
        attributes().ifPresent(a -> {
            if (a.getAttribute(BYTES, RequestAttributes.SCOPE_REQUEST) instanceof byte[] bytes) {
                a.removeAttribute(BYTES, RequestAttributes.SCOPE_REQUEST);
                try {
                    String sha256 = ContentHash.sha256(new JsonCanonicalizer(bytes).getEncodedUTF8());
                    a.setAttribute(HASHED, new Hashed(body, sha256), RequestAttributes.SCOPE_REQUEST);
                } catch (IOException | RuntimeException e) {
                    // Jackson accepted what the canonicaliser does not: the request is hashed as read instead.
                }
            }
        });
        return body;
    }

    /** The canonical hash of the body this request object was read from, if it came over HTTP. */
    public static Optional<String> of(Object request) {
        return attributes().map(a -> a.getAttribute(HASHED, RequestAttributes.SCOPE_REQUEST))
                .filter(h -> h instanceof Hashed hashed && hashed.request() == request)
                .map(h -> ((Hashed) h).sha256());
    }

    private static Optional<RequestAttributes> attributes() {
        return Optional.ofNullable(RequestContextHolder.getRequestAttributes());
    }
}
