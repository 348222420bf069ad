package uk.dmadvisor.service.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every error class a client can cause answers RFC 9457 problem details with the right status and field. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dm-advisor.max-request-bytes=65536")
class ProblemResponsesTest {

    private static final String PATH = "/api/v1/designation-assessments";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    ObjectNode valid;

    @BeforeEach
    void loadValidRequest() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/o15-tracer-request.json")) {
            valid = (ObjectNode) json.readTree(in);
        }
    }

    private HttpResponse<String> post(String contentType, BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", contentType).POST(body).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("application/json", BodyPublishers.ofString(body));
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    @Test
    void theValidRequestIsAnswered() throws Exception {
        assertThat(post(valid.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        JsonNode body = problem(post("{\"product\": "), 400);
        assertThat(body.path("detail").asText()).contains("malformed JSON");
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheField() throws Exception {
        valid.with("pointOfCare").with("shelfLife").put("minutes", "ten");
        assertThat(fields(problem(post(valid.toString()), 400))).containsExactly("pointOfCare.shelfLife.minutes");
    }

    @Test
    void aNumberSentAsAStringIsNotSilentlyCoerced() throws Exception {
        valid.with("pointOfCare").with("administration").put("wholeBatchAdministered", "true");
        assertThat(fields(problem(post(valid.toString()), 400)))
                .containsExactly("pointOfCare.administration.wholeBatchAdministered");
    }

    @Test
    void missingRequiredFieldsAre400NamingEachField() throws Exception {
        valid.with("pointOfCare").with("shelfLife").remove("minutes");
        valid.remove("activity");
        assertThat(fields(problem(post(valid.toString()), 400)))
                .containsExactly("activity", "pointOfCare.shelfLife.minutes");
    }

    @Test
    void anUnknownEnumValueIs400ListingTheAcceptedValues() throws Exception {
        valid.with("product").put("productType", "ANTIBODY");
        JsonNode error = problem(post(valid.toString()), 400).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("product.productType");
        assertThat(json.convertValue(error.path("acceptedValues"), List.class))
                .contains("RADIOPHARMACEUTICAL", "WHOLE_BLOOD").hasSize(14);
    }

    @Test
    void anUnknownEnumValueInsideAListNamesItsPosition() throws Exception {
        valid.with("justification").putArray("benefits").addObject().put("kind", "LOWER_COST_OF_GOODS");
        valid.with("justification").withArray("benefits").addObject().put("kind", "FASTER");
        assertThat(fields(problem(post(valid.toString()), 400))).containsExactly("justification.benefits[1].kind");
    }

    @Test
    void anUnknownFieldIs400RatherThanSilentlyIgnored() throws Exception {
        valid.with("product").put("colour", "red");
        JsonNode error = problem(post(valid.toString()), 400).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("product.colour");
        assertThat(json.convertValue(error.path("acceptedValues"), List.class)).contains("productType");
    }

    @Test
    void aMissingBodyIs400() throws Exception {
        problem(post("application/json", BodyPublishers.noBody()), 400);
    }

    @Test
    void aNegativeDurationIs422() throws Exception {
        valid.with("pointOfCare").with("shelfLife").put("minutes", -5);
        JsonNode body = problem(post(valid.toString()), 422);
        assertThat(fields(body)).containsExactly("pointOfCare.shelfLife.minutes");
        assertThat(body.path("type").asText()).endsWith("/unprocessable-request");
    }

    @Test
    void aZeroTransportTimeIs422() throws Exception {
        valid.with("pointOfCare").with("centralSupply").put("transportMinutes", 0);
        assertThat(fields(problem(post(valid.toString()), 422))).containsExactly("pointOfCare.centralSupply.transportMinutes");
    }

    @Test
    void contradictoryFactsAre422NamingTheRuleThatFoundThem() throws Exception {
        valid.with("pointOfCare").with("patientMaterial").put("transportable", "UNKNOWN");
        JsonNode error = problem(post(valid.toString()), 422).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("pointOfCare.patientMaterial");
        assertThat(error.path("ruleId").asText()).isEqualTo("DES-C-02");
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413() throws Exception {
        valid.with("product").put("name", "x".repeat(70_000));
        JsonNode body = problem(post(valid.toString()), 413);
        assertThat(body.path("limitBytes").asLong()).isEqualTo(65536);
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() throws Exception {
        valid.with("product").put("name", "x".repeat(70_000));
        byte[] bytes = valid.toString().getBytes(StandardCharsets.UTF_8);
        // A publisher without a known length makes the client send the body chunked, with no Content-Length.
        BodyPublisher chunked = new BodyPublisher() {
            private final BodyPublisher inner = BodyPublishers.ofByteArray(bytes);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
        problem(post("application/json", chunked), 413);
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        JsonNode body = problem(post("text/plain", BodyPublishers.ofString("hello")), 415);
        assertThat(body.path("type").asText()).isEqualTo("https://dmadvisor.uk/problems/unsupported-media-type");
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405() throws Exception {
        HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/nothing")).build(), BodyHandlers.ofString());
        assertThat(problem(notFound, 404).path("type").asText()).isEqualTo("https://dmadvisor.uk/problems/not-found");
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + PATH)).DELETE().build(), BodyHandlers.ofString());
        problem(wrongMethod, 405);
    }
}
