package uk.dmadvisor.service.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.service.ServiceClient;

/** With logging.structured.format.console=ecs every log line is a JSON object, and a request's lines carry its id. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=ecs",
        "logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG"})
class StructuredLogsTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    /** Spring Boot keeps the chosen format in a system property; later contexts in this JVM log as text again. */
    @AfterAll
    static void plainLogsAgain() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void logLinesAreJsonAndNameTheRequestId(CapturedOutput output) throws Exception {
        ServiceClient client = new ServiceClient(json, port);
        HttpResponse<String> response = client.post("/api/v1/change-assessments",
                client.resource("network-changes-request.json").toString(), "X-Request-Id", "ecs-line-3");
        assertThat(response.statusCode()).isEqualTo(200);

        List<JsonNode> ofRequest = new ArrayList<>();
        for (String line : output.getOut().lines().filter(l -> l.contains("ecs-line-3")).toList()) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("@timestamp").isTextual()).isTrue();
            assertThat(entry.path("requestId").asText()).isEqualTo("ecs-line-3");
            ofRequest.add(entry);
        }
        assertThat(ofRequest).extracting(e -> e.path("message").asText())
                .anyMatch(m -> m.contains("/api/v1/change-assessments")).anyMatch(m -> m.contains("Completed 200"));
    }
}
