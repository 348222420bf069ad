package uk.dmadvisor.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.dmadvisor.fixtures.SlowEndpoint;
import uk.dmadvisor.service.DmAdvisorApplication;

/** Shutting the service down lets a request already in flight finish with its answer. */
class GracefulShutdownTest {

    @Test
    void aRequestInFlightWhenShutdownStartsIsAnswered() throws Exception {
        ConfigurableApplicationContext service = new SpringApplicationBuilder(DmAdvisorApplication.class, SlowEndpoint.class)
                .run("--server.port=0", "--server.address=127.0.0.1");
        String port = service.getEnvironment().getProperty("local.server.port");
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow")).build(), BodyHandlers.ofString());
        assertThat(SlowEndpoint.ENTERED.await(60, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(service::close);
        Thread.sleep(500);
        assertThat(shutdown).as("the shutdown waits for the request").isNotDone();
        SlowEndpoint.RELEASE.countDown();

        HttpResponse<String> response = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        shutdown.get(60, TimeUnit.SECONDS);
        assertThat(service.isActive()).isFalse();
    }
}
