package uk.dmadvisor.service.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import uk.dmadvisor.service.DmAdvisorProperties;

/**
 * The ES256 key that signs answers, and every public key a record may name: the current one and the retired ones
 * still published for records signed before a rotation. Without a configured key an ephemeral one is generated at
 * start; answers signed with it say so, since its public key disappears with the process.
 */
@Component
public class SigningKeys {

    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;
    /** Where the public keys are published. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final ECKey signingKey;
    private final boolean ephemeral;
    private final JWSSigner signer;
    private final JWKSet publicKeys;

    SigningKeys(DmAdvisorProperties properties) {
        DmAdvisorProperties.Signing signing = properties.signing();
        try {
            if (signing.privateKey() == null) {
                ECKeyGenerator generator = new ECKeyGenerator(Curve.P_256);
                generator.keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM);
                if (signing.keyId() == null || signing.keyId().isBlank()) {
                    generator.keyIDFromThumbprint(true);
                } else {
                    generator.keyID(signing.keyId());
                }
                signingKey = generator.generate();
                ephemeral = true;
                log.warn("No signing key is configured (dm-advisor.signing.private-key): answers are signed with an"
                        + " ephemeral ES256 key, kid {}, whose public key is published only while this process runs",
                        signingKey.getKeyID());
            } else {
                signingKey = configured(signing.privateKey(), signing.keyId());
                ephemeral = false;
                log.info("Answers are signed with the configured ES256 key, kid {}", signingKey.getKeyID());
            }
            signer = new ECDSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key cannot be used for ES256: " + e.getMessage(), e);
        }
        List<JWK> published = new ArrayList<>();
        published.add(signingKey.toPublicJWK());
        if (signing.previousKeys() != null) {
            for (JWK previous : read(signing.previousKeys(), "previous signing keys", JWKSet::parse).getKeys()) {
                if (previous.getKeyID() == null || previous.getKeyID().equals(signingKey.getKeyID())) {
                    throw new IllegalStateException("Every previous signing key needs its own kid: " + previous.getKeyID());
                }
                published.add(previous.toPublicJWK());
            }
        }
        publicKeys = new JWKSet(published);
    }

    private static ECKey configured(Resource location, String keyId) throws JOSEException {
        JWK jwk = read(location, "signing key", JWK::parse);
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
            throw new IllegalStateException("The signing key must be a private EC P-256 JWK (ES256)");
        }
        String kid = keyId != null && !keyId.isBlank() ? keyId
                : ec.getKeyID() != null ? ec.getKeyID() : ec.computeThumbprint().toString();
        return new ECKey.Builder(ec).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM).build();
    }

    private interface Parser<T> {
        T parse(String text) throws ParseException;
    }

    private static <T> T read(Resource location, String what, Parser<T> parser) {
        try (InputStream in = location.getInputStream()) {
            return parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("The " + what + " cannot be read from " + location, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The " + what + " at " + location + " is not a JWK: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return signingKey.getKeyID();
    }

    /** True when the key was generated at start because none was configured. */
    public boolean ephemeral() {
        return ephemeral;
    }

    /** Signs a payload as a compact JWS whose header names the algorithm and the key id. */
    public String sign(byte[] payload) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(ALGORITHM).keyID(signingKey.getKeyID()).build(),
                new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return jws.serialize();
    }

    /** The outcome of checking a compact JWS against the published keys; the payload only when the signature holds. */
    public record Verification(Status status, byte[] payload) {

        public enum Status { VALID, INVALID, KEY_UNAVAILABLE }
    }

    public Verification verify(String compact) {
        try {
            JWSObject jws = JWSObject.parse(compact);
            if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
                return new Verification(Verification.Status.INVALID, null);
            }
            Optional<ECKey> key = publicKey(jws.getHeader().getKeyID());
            if (key.isEmpty()) {
                return new Verification(Verification.Status.KEY_UNAVAILABLE, null);
            }
            return jws.verify(new ECDSAVerifier(key.get()))
                    ? new Verification(Verification.Status.VALID, jws.getPayload().toBytes())
                    : new Verification(Verification.Status.INVALID, null);
        } catch (ParseException | JOSEException e) {
            return new Verification(Verification.Status.INVALID, null);
        }
    }

    /** The public keys, current first, as published at {@link #JWKS_PATH}. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    public Optional<ECKey> publicKey(String keyId) {
        JWK key = keyId == null ? null : publicKeys.getKeyByKeyId(keyId);
        return key instanceof ECKey ec ? Optional.of(ec) : Optional.empty();
    }
}
