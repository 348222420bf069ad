package uk.dmadvisor.service.models;

import java.io.IOException;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.dmn.ContentHash;

/**
 * JSON in the canonical form of RFC 8785 (JCS: keys sorted by UTF-16 code units, ECMAScript number and string
 * forms, no whitespace), through the RFC authors' reference implementation, so that anyone holding a request or an
 * answer can hash it to the same value with any JCS implementation.
 */
public final class CanonicalJson {

    public static final String SCHEME = "RFC8785";
    private static final ObjectMapper WRITER = new ObjectMapper();

    private CanonicalJson() {
    }

    /** The canonical bytes of one JSON value and their SHA-256, computed once and then shared by whoever needs them. */
    public record Form(byte[] bytes, String sha256) {

        public static Form of(JsonNode node) {
            byte[] bytes = CanonicalJson.bytes(node);
            return new Form(bytes, ContentHash.sha256(bytes));
        }

        /** The canonical form of JSON text already written, read straight from its bytes. */
        public static Form ofJson(byte[] json) {
            try {
                byte[] bytes = new JsonCanonicalizer(json).getEncodedUTF8();
                return new Form(bytes, ContentHash.sha256(bytes));
            } catch (IOException e) {
                throw new IllegalStateException("JSON written by Jackson could not be canonicalised", e);
            }
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return new JsonCanonicalizer(WRITER.writeValueAsString(node)).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        } catch (IOException e) {
            throw new IllegalStateException("JSON written by Jackson could not be canonicalised", e);
        }
    }

    public static String sha256(JsonNode node) {
        return ContentHash.sha256(bytes(node));
    }
}
