package uk.dmadvisor.service.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.service.DmAdvisorApplication;
import uk.dmadvisor.service.ServiceClient;

/**
 * With logging.structured.format.console=ecs every log line is a JSON object, and a request's lines carry its id.
 * The service is started here rather than by the test framework: logging is set up once per JVM, so the test
 * resets it first, or an application started by an earlier test would keep its format.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Test
    void logLinesAreJsonAndNameTheRequestId(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.cleanUp();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(DmAdvisorApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--logging.structured.format.console=ecs",
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG")) {
            ObjectMapper json = service.getBean(ObjectMapper.class);
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            ServiceClient client = new ServiceClient(json, port);
            HttpResponse<String> response = client.post("/api/v1/change-assessments",
                    client.resource("network-changes-request.json").toString(), "X-Request-Id", "ecs-line-3");
            assertThat(response.statusCode()).isEqualTo(200);

            // The servlet logs its "Completed" line after the response has left, so the client may be faster.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!output.getOut().contains("Completed 200") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<JsonNode> ofRequest = new ArrayList<>();
            for (String line : output.getOut().lines().filter(l -> l.contains("ecs-line-3")).toList()) {
                JsonNode entry = json.readTree(line);
                assertThat(entry.path("@timestamp").isTextual()).isTrue();
                assertThat(entry.path("requestId").asText()).isEqualTo("ecs-line-3");
                ofRequest.add(entry);
            }
            assertThat(ofRequest).extracting(e -> e.path("message").asText())
                    .anyMatch(m -> m.contains("/api/v1/change-assessments")).anyMatch(m -> m.contains("Completed 200"));
        } finally {
            // Later applications in this JVM log as text again.
            logging.cleanUp();
            System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        }
    }
}
