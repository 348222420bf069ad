package uk.dmadvisor.dmn;

import java.nio.charset.StandardCharsets;

/**
 * One model file exactly as it was loaded: its bytes are what the hash covers and what the engine compiled.
 *
 * @param fileName the file name inside the {@code models/} folder
 * @param kind     DMN or DRL
 * @param name     the model's own name (DMN {@code definitions/@name}) or the file's base name for DRL
 * @param version  the version the model file declares
 * @param sha256   lower-case hex SHA-256 of the file content
 */
public record ModelSource(String fileName, Kind kind, String name, String version, String sha256, byte[] content) {

    public enum Kind { DMN, DRL }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
