package uk.dmadvisor.dmn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;

/** SHA-256 helpers shared by the model catalogues, so every hash in a response is computed the same way. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** One hash over a set of models: stable whatever order they were loaded in. */
    public static String combined(Collection<ModelSource> sources) {
        StringBuilder manifest = new StringBuilder();
        sources.stream()
                .sorted(Comparator.comparing(ModelSource::fileName))
                .forEach(s -> manifest.append(s.fileName()).append(' ').append(s.sha256()).append('\n'));
        return sha256(manifest.toString().getBytes(StandardCharsets.UTF_8));
    }
}
