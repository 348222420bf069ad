package uk.dmadvisor.service.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.service.ServiceClient;

/**
 * No error response shows the service's internals: no stack trace, exception message, class or package name,
 * whichever error class it is (the 401 is in ApiKeysTest, the 500 in EngineFailureTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dm-advisor.max-request-bytes=65536")
class NoInternalsInErrorsTest {

    static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |uk\\.dmadvisor\\.|com\\.fasterxml|org\\.springframework|java\\.|jakarta\\.|org\\.kie|org\\.drools|`");
    private static final String DESIGNATION = "/api/v1/designation-assessments";
    private static final String CHANGES = "/api/v1/change-assessments";
    private static final String VERIFY = "/api/v1/decision-records/verifications";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("malformed JSON", "POST", DESIGNATION, "application/json", "{\"product\": [}".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("truncated", "POST", DESIGNATION, "application/json", "{\"product\": {\"na".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("invalid UTF-8", "POST", DESIGNATION, "application/json", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, 400),
                Arguments.of("nested too deep", "POST", DESIGNATION, "application/json", ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("duplicate key", "POST", DESIGNATION, "application/json", "{\"product\": {}, \"product\": {}}".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("not an object", "POST", DESIGNATION, "application/json", "[1, 2]".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("wrong type", "POST", CHANGES, "application/json", "{\"product\": \"x\", \"sites\": 4, \"changes\": {}}".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("null in a list", "POST", CHANGES, "application/json", "{\"product\": {}, \"sites\": [null], \"changes\": [null]}".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("record of the wrong kind", "POST", VERIFY, "application/json", "{\"kind\": \"OTHER\", \"request\": {}, \"response\": {}}".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("empty body", "POST", DESIGNATION, "application/json", new byte[0], 400),
                Arguments.of("too large", "POST", CHANGES, "application/json", ("\"" + "x".repeat(70_000) + "\"").getBytes(StandardCharsets.UTF_8), 413),
                Arguments.of("not JSON", "POST", DESIGNATION, "text/plain", "hello".getBytes(StandardCharsets.UTF_8), 415),
                Arguments.of("unknown route", "GET", "/api/v1/nothing", null, null, 404),
                Arguments.of("unknown model", "GET", "/api/v1/models/nothing.dmn", null, null, 404),
                Arguments.of("wrong method", "PUT", VERIFY, "application/json", "{}".getBytes(StandardCharsets.UTF_8), 405),
                Arguments.of("unacceptable", "GET", "/api/v1/models", "application/json", null, 406));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("errors")
    void everyErrorIsProblemDetailsWithoutInternals(String what, String method, String path, String contentType,
            byte[] body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (status == 406) {
            request.header("Accept", "application/pdf");
        }
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(INTERNALS.matcher(response.body()).find()).as(response.body()).isFalse();
        if (status != 406) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("requestId").asText()).isNotBlank();
        }
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIs400NamingTheField() throws Exception {
        ServiceClient client = new ServiceClient(json, port);
        String body = client.resource("o15-tracer-request.json").toString()
                .replaceFirst("(?<prefix>\"shelfLife\":\\{\"minutes\":)[0-9.]+", "${prefix}1E400");
        assertThat(body).contains("1E400");
        HttpResponse<String> response = client.post(DESIGNATION, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("pointOfCare.shelfLife.minutes");
    }

    @Test
    void aNullInsideAListIs400NamingItsPosition() throws Exception {
        ServiceClient client = new ServiceClient(json, port);
        com.fasterxml.jackson.databind.node.ObjectNode request =
                (com.fasterxml.jackson.databind.node.ObjectNode) client.resource("network-changes-request.json");
        request.withArray("sites").insertNull(0);
        HttpResponse<String> response = client.post(CHANGES, request.toString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("sites[0]");
        assertThat(json.readTree(response.body()).at("/errors/0/message").asText()).isEqualTo("must not be null");
    }
}
