package uk.dmadvisor.service.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.service.ServiceClient;

/**
 * The metrics are exported for Prometheus per model, outcome and route; the actuator exposes health, info and
 * prometheus only; and the log lines written while a request is handled name its request id.
 */
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG")
class MetricsAndLogsTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    ServiceClient client;

    @BeforeEach
    void client() {
        client = new ServiceClient(json, port);
    }

    @Test
    void assessmentsAreCountedAndTimedPerModelOutcomeAndRoute() throws Exception {
        client.postOk("/api/v1/designation-assessments", client.resource("o15-tracer-request.json"));
        client.postOk("/api/v1/change-assessments", client.resource("network-changes-request.json"));
        client.post("/api/v1/designation-assessments", "{\"product\": 1}");

        HttpResponse<String> scrape = client.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        List<String> lines = scrape.body().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("dmadvisor_assessments_seconds_count{") && l.contains("model=\"designation\"")
                && l.contains("outcome=\"APPLY_FOR_POC\"") && l.contains("route=\"/api/v1/designation-assessments\""));
        assertThat(lines).anyMatch(l -> l.startsWith("dmadvisor_assessments_seconds_count{")
                && l.contains("model=\"change-control\"") && l.contains("outcome=\"MA_VARIATION\""));
        assertThat(lines).anyMatch(l -> l.startsWith("dmadvisor_assessments_seconds_count{")
                && l.contains("model=\"designation\"") && l.contains("outcome=\"PROBLEM_400\""));
        assertThat(lines).anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("uri=\"/api/v1/change-assessments\"") && l.contains("status=\"200\""));
    }

    @Test
    void theActuatorExposesHealthInfoAndPrometheusOnly() throws Exception {
        JsonNode links = json.readTree(client.get("/actuator").body()).path("_links");
        List<String> exposed = new java.util.ArrayList<>();
        links.fieldNames().forEachRemaining(exposed::add);
        assertThat(exposed).allMatch(name -> name.equals("self") || name.startsWith("health") || name.equals("info")
                || name.equals("prometheus"));
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/metrics",
                "/actuator/loggers", "/actuator/threaddump", "/actuator/configprops")) {
            assertThat(client.get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void everyLogLineOfARequestNamesItsRequestId(CapturedOutput output) throws Exception {
        HttpResponse<String> response = client.post("/api/v1/designation-assessments",
                client.resource("o15-tracer-request.json").toString(), "X-Request-Id", "log-line-7");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ofRequest = output.getOut().lines().filter(l -> l.contains("DispatcherServlet"))
                .filter(l -> l.contains("[log-line-7]") || l.contains("\"requestId\":\"log-line-7\"")).toList();
        // DispatcherServlet logs the request when it starts and when it completes, both on lines with its id.
        assertThat(ofRequest).anyMatch(l -> l.contains("/api/v1/designation-assessments"))
                .anyMatch(l -> l.contains("Completed 200"));
    }
}
