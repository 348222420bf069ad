package uk.dmadvisor.service.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;

import uk.dmadvisor.api.model.Seal;
import uk.dmadvisor.dmn.ContentHash;
import uk.dmadvisor.service.DmAdvisorProperties;
import uk.dmadvisor.service.signing.SigningKeys;

/**
 * Seals an answer so that anyone can check it later: the SHA-256 of its RFC 8785 canonical JSON without the seal,
 * and a compact JWS (ES256) over a small JSON payload naming that digest and the request's hash, verifiable with
 * the published JWKS and any JOSE tool. Also checks seals, including those of records sealed before JWS signing
 * (digest over the legacy canonical form, optionally an HMAC-SHA256 that only the holder of the secret can check).
 */
@Component
public class Sealer {

    public static final String SEAL_FIELD = "seal";
    private static final String DIGEST_ALGORITHM = "SHA-256";
    private static final String LEGACY_HMAC = "HMAC-SHA256";
    private static final ObjectMapper PAYLOAD_WRITER = new ObjectMapper();

    private final SigningKeys keys;
    private final Optional<byte[]> legacyHmacKey;
    private final String legacyHmacKeyId;

    Sealer(SigningKeys keys, DmAdvisorProperties properties) {
        this.keys = keys;
        String legacy = properties.signing().legacyHmacKey();
        this.legacyHmacKey = legacy == null || legacy.isBlank() ? Optional.empty()
                : Optional.of(legacy.getBytes(StandardCharsets.UTF_8));
        this.legacyHmacKeyId = properties.signing().legacyHmacKeyId();
    }

    /** The seal of an answer given as a JSON tree (any seal already in it is left out). */
    public Seal seal(JsonNode answer) {
        JsonNode content = withoutSeal(answer);
        return seal(CanonicalJson.Form.of(content), content.path("provenance").path("requestSha256").asText(null));
    }

    /** The seal of an answer whose canonical form (without the seal) has been computed once already. */
    public Seal seal(CanonicalJson.Form answer, String requestSha256) {
        ObjectNode payload = PAYLOAD_WRITER.createObjectNode()
                .put("canonicalization", CanonicalJson.SCHEME)
                .put("digest", answer.sha256())
                .put("digestAlgorithm", DIGEST_ALGORITHM)
                .put("iat", Instant.now().getEpochSecond())
                .put("requestSha256", requestSha256);
        return new Seal().digestAlgorithm(DIGEST_ALGORITHM).canonicalization(CanonicalJson.SCHEME)
                .digest(answer.sha256())
                .signatureAlgorithm(SigningKeys.ALGORITHM.getName()).keyId(keys.keyId())
                .keySource(keys.ephemeral() ? Seal.KeySourceEnum.EPHEMERAL : Seal.KeySourceEnum.CONFIGURED)
                .jwksUri(SigningKeys.JWKS_PATH)
                .signature(keys.sign(CanonicalJson.bytes(payload)));
    }

    public enum SignatureCheck { VALID, INVALID, NOT_SIGNED, KEY_UNAVAILABLE }

    /** What a seal says about the answer that carries it. */
    public record Integrity(boolean sealed, boolean intact, SignatureCheck signature) {
    }

    public Integrity check(JsonNode response) {
        JsonNode seal = response.path(SEAL_FIELD);
        if (!seal.hasNonNull("digest")) {
            return new Integrity(false, false, SignatureCheck.NOT_SIGNED);
        }
        JsonNode content = withoutSeal(response);
        boolean legacy = !seal.hasNonNull("canonicalization");
        if (!legacy && !CanonicalJson.SCHEME.equals(seal.path("canonicalization").asText())) {
            return new Integrity(true, false, SignatureCheck.INVALID);
        }
        byte[] canonical = legacy ? LegacyCanonicalJson.bytes(content) : CanonicalJson.bytes(content);
        String digest = ContentHash.sha256(canonical);
        boolean intact = MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                seal.path("digest").asText().getBytes(StandardCharsets.US_ASCII));
        String signature = seal.path("signature").asText(null);
        SignatureCheck check;
        if (signature == null || signature.isBlank()) {
            check = SignatureCheck.NOT_SIGNED;
        } else if (LEGACY_HMAC.equals(seal.path("signatureAlgorithm").asText())) {
            check = checkHmac(canonical, seal.path("keyId").asText(null), signature);
        } else {
            check = checkJws(signature, seal.path("keyId").asText(null), digest,
                    content.path("provenance").path("requestSha256").asText(null));
        }
        return new Integrity(true, intact, check);
    }

    private SignatureCheck checkJws(String jws, String recordedKeyId, String digest, String requestSha256) {
        SigningKeys.Verification verification = keys.verify(jws);
        return switch (verification.status()) {
            case KEY_UNAVAILABLE -> SignatureCheck.KEY_UNAVAILABLE;
            case INVALID -> SignatureCheck.INVALID;
            case VALID -> {
                JsonNode payload = readPayload(verification.payload());
                boolean names = payload != null
                        && digest.equals(payload.path("digest").asText())
                        && CanonicalJson.SCHEME.equals(payload.path("canonicalization").asText())
                        && Objects.equals(requestSha256, payload.path("requestSha256").asText(null))
                        && Objects.equals(recordedKeyId, jwsKeyId(jws));
                yield names ? SignatureCheck.VALID : SignatureCheck.INVALID;
            }
        };
    }

    private static String jwsKeyId(String jws) {
        try {
            return JWSObject.parse(jws).getHeader().getKeyID();
        } catch (ParseException e) {
            return null;
        }
    }

    private static JsonNode readPayload(byte[] payload) {
        try {
            return PAYLOAD_WRITER.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    private SignatureCheck checkHmac(byte[] content, String recordedKeyId, String signature) {
        if (legacyHmacKey.isEmpty() || !legacyHmacKeyId.equals(recordedKeyId)) {
            return SignatureCheck.KEY_UNAVAILABLE;
        }
        String expected = hmac(legacyHmacKey.get(), content);
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

    /** The HMAC-SHA256 (base64url) that signed records before JWS signing; also used by tests to make such records. */
    public static String hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
        }
    }
}
