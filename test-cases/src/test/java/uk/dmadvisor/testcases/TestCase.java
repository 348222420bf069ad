package uk.dmadvisor.testcases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** One scenario file: the request a client sends, what we expect, and the provision that justifies it. */
record TestCase(String id, String title, String provision, JsonNode request, Expectation expect, Path file) {

    /** Lists are exact sets when present ({@code nextSteps}, {@code findings}); {@code rules} must be contained. */
    record Expectation(Integer status, String recommendation, Map<String, String> decisions, List<String> rules,
                       List<String> nextSteps, List<String> findings, List<String> errors,
                       Map<String, JsonNode> overall, Map<String, Map<String, JsonNode>> changes,
                       Map<String, Map<String, JsonNode>> sites, List<String> groupingHints) {

        int expectedStatus() {
            return status == null ? 200 : status;
        }
    }

    /** {@code revised}, optional, says why a case's expectation changed when the model did (kept in the file, not checked). */
    private record FileContent(String id, String title, String provision, String revised, JsonNode request,
                               Expectation expect) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static List<TestCase> load(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(TestCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list test cases in " + folder, e);
        }
    }

    private static TestCase read(Path file) {
        try {
            FileContent content = YAML.readValue(file.toFile(), FileContent.class);
            if (content.id() == null || content.provision() == null || content.request() == null || content.expect() == null) {
                throw new IllegalArgumentException(file + ": id, provision, request and expect are all required");
            }
            return new TestCase(content.id(), content.title(), content.provision(), content.request(), content.expect(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read test case " + file, e);
        }
    }

    @Override
    public String toString() {
        return id + " " + title;
    }
}
