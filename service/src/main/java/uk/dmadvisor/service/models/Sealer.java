package uk.dmadvisor.service.models;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.dmadvisor.api.model.Seal;

/**
 * Seals an answer so it can be checked later: a SHA-256 digest of its canonical JSON without the seal and, when a
 * signing key is configured ({@code dm-advisor.signing.key}, or the environment variable
 * {@code DM_ADVISOR_SIGNING_KEY}), an HMAC-SHA256 signature of the same bytes naming the key id.
 */
@Component
public class Sealer {

    public static final String SEAL_FIELD = "seal";
    private static final String HMAC = "HmacSHA256";

    private final Optional<byte[]> key;
    private final String keyId;

    public Sealer(@Value("${dm-advisor.signing.key:}") String key, @Value("${dm-advisor.signing.key-id:default}") String keyId) {
        this.key = key.isBlank() ? Optional.empty() : Optional.of(key.getBytes(StandardCharsets.UTF_8));
        this.keyId = keyId;
    }

    /** The seal for an answer given as a JSON tree (any seal already in it is left out). */
    public Seal seal(JsonNode answer) {
        byte[] content = CanonicalJson.bytes(withoutSeal(answer));
        Seal seal = new Seal().digestAlgorithm("SHA-256").digest(uk.dmadvisor.dmn.ContentHash.sha256(content));
        key.ifPresent(k -> seal.signatureAlgorithm("HMAC-SHA256").keyId(keyId).signature(sign(k, content)));
        return seal;
    }

    public enum SignatureCheck { VALID, INVALID, NOT_SIGNED, KEY_UNAVAILABLE }

    public SignatureCheck checkSignature(JsonNode answer, String recordedKeyId, String signature) {
        if (signature == null || signature.isBlank()) {
            return SignatureCheck.NOT_SIGNED;
        }
        if (key.isEmpty() || !keyId.equals(recordedKeyId)) {
            return SignatureCheck.KEY_UNAVAILABLE;
        }
        String expected = sign(key.get(), CanonicalJson.bytes(withoutSeal(answer)));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))
                ? SignatureCheck.VALID : SignatureCheck.INVALID;
    }

    public static JsonNode withoutSeal(JsonNode answer) {
        if (answer instanceof ObjectNode object && object.has(SEAL_FIELD)) {
            ObjectNode copy = object.deepCopy();
            copy.remove(SEAL_FIELD);
            return copy;
        }
        return answer;
    }

    private static String sign(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
        }
    }
}
