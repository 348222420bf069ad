package uk.dmadvisor.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import uk.dmadvisor.service.changecontrol.LargeNetworkFixture;

/**
 * Writes the request bodies the load benchmark sends, from the project's own data so they follow the contract:
 * every designation case the service answers with 200 (varied inputs), and change requests of 10 and 1,000 changes.
 * Usage: {@code LoadBodies <test-cases dir> <output dir>}.
 */
public final class LoadBodies {

    private LoadBodies() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[1]));
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        int written = 0;
        for (JsonNode request : designationRequests(Path.of(args[0]))) {
            Files.writeString(out.resolve(String.format("designation-%03d.json", ++written)),
                    json.writeValueAsString(request));
        }
        for (int[] size : List.of(new int[] {10, 10}, new int[] {1000, 200})) {
            Files.writeString(out.resolve("changes-" + size[0] + ".json"),
                    json.writeValueAsString(LargeNetworkFixture.request(size[0], size[1])));
        }
        System.out.println("Wrote " + written + " designation bodies and 2 change bodies to " + out);
    }

    /** The request of every designation case the service answers with 200, in file order. */
    static List<JsonNode> designationRequests(Path cases) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(cases.resolve("designation"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode testCase = yaml.readTree(file.toFile());
                if (testCase.path("expect").path("status").asInt(200) == 200) {
                    requests.add(testCase.path("request"));
                }
            }
        }
        return requests;
    }
}
