package uk.dmadvisor.service.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import uk.dmadvisor.dmn.ClasspathModels;
import uk.dmadvisor.dmn.ContentHash;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelSource;

/** The question catalogues as another front end reads them: one per model, the file's content, as JSON. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuestionnairesEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    DecisionModels models;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                BodyHandlers.ofString());
    }

    @Test
    void everyModelHasAQuestionnaireListedWithItsVersion() throws Exception {
        HttpResponse<String> response = get("/api/v1/questionnaires");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        for (ModelSource model : models.sources()) {
            assertThat(list.findValues("model").stream().map(JsonNode::asText)).contains(model.name());
            JsonNode entry = find(list, model.name());
            assertThat(entry.path("modelVersion").asText()).isEqualTo(model.version());
            assertThat(entry.path("href").asText()).isEqualTo("/api/v1/questionnaires/" + model.name());
        }
    }

    @Test
    void aQuestionnaireIsTheCatalogueFileAsJsonWithItsHash() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<ClasspathModels.RawFile> files = ClasspathModels.read("classpath*:models/*.questions.yaml");
        assertThat(files).isNotEmpty();
        for (ClasspathModels.RawFile file : files) {
            JsonNode expected = yaml.readTree(file.content());
            HttpResponse<String> response = get("/api/v1/questionnaires/" + expected.path("model").asText());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode served = json.readTree(response.body());
            assertThat(served.path("sha256").asText()).isEqualTo(ContentHash.sha256(file.content()));
            ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("sha256");
            assertThat(withoutEmpty(served)).as("served %s", file.fileName()).isEqualTo(withoutEmpty(expected));
        }
    }

    @Test
    void anUnknownModelIsANotFoundProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/questionnaires/no-such-model");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asText()).contains("no-such-model");
    }

    private static JsonNode find(JsonNode list, String model) {
        for (JsonNode entry : list) {
            if (entry.path("model").asText().equals(model)) {
                return entry;
            }
        }
        throw new AssertionError("no questionnaire for " + model);
    }

    /** An absent value, an explicit null and an empty list say the same, in the file and in the answer. */
    private static JsonNode withoutEmpty(JsonNode node) {
        if (node.isObject()) {
            var copy = new ObjectMapper().createObjectNode();
            node.properties().forEach(p -> {
                if (!p.getValue().isNull() && !(p.getValue().isArray() && p.getValue().isEmpty())) {
                    copy.set(p.getKey(), withoutEmpty(p.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = new ObjectMapper().createArrayNode();
            node.forEach(item -> copy.add(withoutEmpty(item)));
            return copy;
        }
        return node;
    }
}
