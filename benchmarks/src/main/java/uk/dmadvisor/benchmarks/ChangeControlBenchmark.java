package uk.dmadvisor.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.service.DmAdvisorApplication;
import uk.dmadvisor.service.changecontrol.ChangeControlAdvisor;
import uk.dmadvisor.service.changecontrol.LargeNetworkFixture;

/**
 * Change assessments of 1, 100 and 1,000 changes across 200 spokes, in process and over HTTP on 127.0.0.1,
 * with a baseline measured in the same run: an HTTP round trip to the liveness probe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ChangeControlBenchmark {

    @Param({"1", "100", "1000"})
    public int changes;

    @Param({"200"})
    public int spokes;

    private ConfigurableApplicationContext context;
    private ChangeControlAdvisor advisor;
    private ChangeAssessmentRequest request;
    private HttpClient http;
    private HttpRequest post;
    private HttpRequest liveness;

    @Setup(Level.Trial)
    public void start() throws IOException {
        context = new SpringApplicationBuilder(DmAdvisorApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN");
        advisor = context.getBean(ChangeControlAdvisor.class);
        request = LargeNetworkFixture.request(changes, spokes);
        String body = context.getBean(ObjectMapper.class).writeValueAsString(request);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        http = HttpClient.newHttpClient();
        post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/change-assessments"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build();
        liveness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public ChangeAssessment inProcess() {
        return advisor.assess(request);
    }

    @Benchmark
    public int overHttp() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(post, BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response.body().length;
    }

    @Benchmark
    public int baselineHttpRoundTrip() throws IOException, InterruptedException {
        return http.send(liveness, BodyHandlers.ofByteArray()).statusCode();
    }
}
