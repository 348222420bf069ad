package uk.dmadvisor.service;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import uk.dmadvisor.dmn.DecisionModels;

/**
 * The service's own settings, every {@code dm-advisor.*} property in one typed place (Spring Boot's own settings stay
 * under their usual names). Each can also be set from the environment, e.g. {@code DM_ADVISOR_SECURITY_API_KEYS}.
 */
@Validated
@ConfigurationProperties("dm-advisor")
public record DmAdvisorProperties(
        @Valid @NotNull @DefaultValue Models models,
        @Valid @NotNull @DefaultValue Signing signing,
        @Valid @NotNull @DefaultValue Security security,
        /* Largest request body accepted, in bytes (413 above it). */
        @Positive @DefaultValue("8388608") long maxRequestBytes) {

    /**
     * Where the decision models, rule files and question catalogues are loaded from (Spring resource patterns), and
     * how decisions are evaluated: COMPILED (the tables compiled for speed), KIE (the engine's interpreter) or
     * CHECKED (both, failing on any difference).
     */
    public record Models(
            @NotBlank @DefaultValue("classpath*:models/*.dmn") String dmn,
            @NotBlank @DefaultValue("classpath*:rules/*.drl") String drl,
            @NotBlank @DefaultValue("classpath*:models/*.questions.yaml") String questions,
            @NotNull @DefaultValue("COMPILED") DecisionModels.Engine engine) {
    }

    /**
     * How answers are signed.
     *
     * @param privateKey      the ES256 (P-256) private key, as a PEM file (PKCS#8 or SEC 1) or a JWK JSON file; without
     *                        one, a key is generated at start, lives only as long as the process, and answers say so
     * @param keyId           the key id ({@code kid}) published in the JWKS; by default the key's RFC 7638 thumbprint
     * @param previousKeys    a JWKS file of retired public keys, still published so records signed with them verify
     * @param legacyHmacKey   the HMAC-SHA256 secret that signed records before JWS signing, to verify those records
     * @param legacyHmacKeyId the key id those records name
     */
    public record Signing(
            Resource privateKey,
            String keyId,
            Resource previousKeys,
            String legacyHmacKey,
            @DefaultValue("default") String legacyHmacKeyId) {
    }

    /**
     * Access control for machine clients.
     *
     * @param apiKeys            when any is set, every {@code /api/**} request must send one of them in {@code X-API-Key}
     *                           (several, so that a key can be rotated without downtime); none by default
     * @param corsAllowedOrigins origins whose browser pages may call {@code /api/**}; none by default (CORS off)
     */
    public record Security(
            @DefaultValue List<String> apiKeys,
            @DefaultValue List<String> corsAllowedOrigins) {
    }
}
