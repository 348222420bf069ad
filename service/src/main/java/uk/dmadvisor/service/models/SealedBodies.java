package uk.dmadvisor.service.models;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The response body of a sealed answer, kept from the moment it is sealed: the canonical bytes already serialised
 * for the seal, with the seal appended. The answer is serialised once; {@link SealedAnswerConverter} writes these
 * bytes instead of serialising the answer again. Kept per request, and only for the very answer object sealed.
 */
final class SealedBodies {

    private static final String ATTRIBUTE = SealedBodies.class.getName();

    private record Body(Object answer, byte[] bytes) {
    }

    private SealedBodies() {
    }

    /** Keeps the body of an answer sealed during an HTTP request: its canonical JSON with the seal as last member. */
    static void remember(Object answer, byte[] canonicalAnswer, byte[] seal) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(canonicalAnswer.length + seal.length + 10);
        // The canonical form of an object ends with its closing brace; the seal goes in before it.
        out.write(canonicalAnswer, 0, canonicalAnswer.length - 1);
        out.writeBytes((canonicalAnswer.length > 2 ? ",\"seal\":" : "\"seal\":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(seal);
        out.write('}');
        attributes.setAttribute(ATTRIBUTE, new Body(answer, out.toByteArray()), RequestAttributes.SCOPE_REQUEST);
    }

    /** The body of this answer object, if it was sealed in the current request. */
    static Optional<byte[]> bodyOf(Object answer) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes != null
                && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Body body
                && body.answer() == answer ? Optional.of(body.bytes()) : Optional.empty();
    }
}
