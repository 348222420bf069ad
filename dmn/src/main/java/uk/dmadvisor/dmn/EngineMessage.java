package uk.dmadvisor.dmn;

/** A message the DMN engine raised while evaluating (severity ERROR, WARN or INFO). */
public record EngineMessage(String severity, String text, String sourceId) {
}
