package uk.dmadvisor.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import uk.dmadvisor.service.ServiceClient;

/**
 * The deployment recipe matches the service: the container port is the one the service listens on, the probes ask
 * the service's own health groups (and those answer), the environment variables bind to the service's properties,
 * and a pod is given time to shut down gracefully.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    JsonNode container;
    JsonNode pod;
    Properties application = new Properties();

    @BeforeEach
    void read() throws Exception {
        JsonNode deployment = new YAMLMapper().readTree(DEPLOY.resolve("kubernetes/deployment.yaml").toFile());
        pod = deployment.at("/spec/template/spec");
        container = pod.at("/containers/0");
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            application.load(in);
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
        return env;
    }

    private int containerPort() {
        return container.at("/ports/0/containerPort").asInt();
    }

    @Test
    void theContainerPortIsThePortTheServiceListensOn() throws Exception {
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(application.getProperty("server.port")).startsWith("${PORT:");
        assertThat(application.getProperty("server.address")).startsWith("${ADDRESS:");
        assertThat(env()).containsEntry("PORT", String.valueOf(containerPort())).containsEntry("ADDRESS", "0.0.0.0");
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("EXPOSE " + containerPort()).contains("PORT=" + containerPort())
                .contains("@/app/jvm.options").contains("COPY deploy/jvm.options /app/jvm.options").contains("USER 10001");
        JsonNode service = new YAMLMapper().readTree(DEPLOY.resolve("kubernetes/service.yaml").toFile());
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    }

    @Test
    void theProbesAskTheServicesHealthGroupsWhichAnswer() throws Exception {
        ServiceClient client = new ServiceClient(json, port);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("port").asText()).as(probe).isIn("http", String.valueOf(containerPort()));
            HttpResponse<String> response = client.get(get.path("path").asText());
            assertThat(response.statusCode()).as(probe + " " + get.path("path").asText()).isEqualTo(200);
            assertThat(json.readTree(response.body()).path("status").asText()).isEqualTo("UP");
        }
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(client.get(container.path("livenessProbe").path("httpGet").path("path").asText() + "x").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theScrapeAnnotationsNameTheExposedPrometheusEndpointAndPort() throws Exception {
        JsonNode deployment = new YAMLMapper().readTree(DEPLOY.resolve("kubernetes/deployment.yaml").toFile());
        JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(containerPort()));
        assertThat(new ServiceClient(json, port).get(annotations.path("prometheus.io/path").asText()).statusCode())
                .isEqualTo(200);
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(application.getProperty("management.endpoints.web.exposure.include")).contains("prometheus");
    }

    @Test
    void theEnvironmentBindsToTheServicesProperties() {
        MutablePropertySources sources = new MutablePropertySources();
        Map<String, Object> env = new HashMap<>(env());
        env.put("DM_ADVISOR_SECURITY_API_KEYS", "from-the-secret");
        sources.addFirst(new SystemEnvironmentPropertySource("env", env));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        assertThat(binder.bind("dm-advisor.signing.private-key", String.class).get())
                .isEqualTo("file:/etc/dm-advisor/signing/signing.jwk");
        assertThat(binder.bind("dm-advisor.security.api-keys", String[].class).get()).containsExactly("from-the-secret");
        assertThat(binder.bind("logging.structured.format.console", String.class).get()).isEqualTo("ecs");
        String mount = container.at("/volumeMounts/0/mountPath").asText();
        assertThat("file:" + mount + "/signing.jwk").isEqualTo(env.get("DM_ADVISOR_SIGNING_PRIVATE_KEY"));
    }

    @Test
    void aPodHasTimeToFinishItsRequestsBeforeItIsKilled() {
        int shutdownPhase = Integer.parseInt(application.getProperty("spring.lifecycle.timeout-per-shutdown-phase")
                .replace("s", ""));
        int preStop = container.at("/lifecycle/preStop/exec/command/1").asInt();
        assertThat(application.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(shutdownPhase + preStop);
    }
}
