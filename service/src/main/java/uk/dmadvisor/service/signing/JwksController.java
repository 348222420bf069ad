package uk.dmadvisor.service.signing;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWK;

import uk.dmadvisor.api.SigningApi;
import uk.dmadvisor.api.model.JsonWebKeySet;

/** Publishes the public keys that verify answer signatures, so a record can be checked without this service. */
@RestController
class JwksController implements SigningApi {

    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final List<Object> keys;

    JwksController(SigningKeys keys) {
        this.keys = keys.publicKeys().getKeys().stream().map(JWK::toJSONObject).map(Object.class::cast).toList();
    }

    @Override
    public ResponseEntity<JsonWebKeySet> getSigningKeys() {
        return ResponseEntity.ok().contentType(JWK_SET).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(new JsonWebKeySet().keys(keys));
    }
}
