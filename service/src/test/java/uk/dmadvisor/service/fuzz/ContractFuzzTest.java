package uk.dmadvisor.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import uk.dmadvisor.service.DmAdvisorApplication;

/**
 * Fuzzes every JSON endpoint from the contract: valid requests generated from the request schemas (and the
 * contract's examples), then broken in the ways of {@link Mutation}. Whatever is sent, the service must answer
 * within the timeout, never with a 5xx; a 4xx must be problem details that validate against the contract, name the
 * field at fault and show nothing of the service's internals; a 200 must validate against the contract; and a
 * request sent twice must be answered the same way.
 *
 * <p>By default the service runs in this JVM and each property makes {@code jqwik.tries.default} tries (see
 * junit-platform.properties). {@code -Dfuzz.baseUrl=http://127.0.0.1:8080} aims it at a running service instead,
 * for long runs ({@code benchmarks/fuzz.sh}); a summary of every run is written to {@code target/fuzz-summary.txt}.
 */
class ContractFuzzTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("fuzz.timeoutSeconds", 30));
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |uk\\.dmadvisor\\.|com\\.fasterxml|org\\.springframework|java\\.lang|jakarta\\.|org\\.kie|org\\.drools");
    /** The parts of an answer that differ between two evaluations of one request by design. */
    private static final List<String> PER_EVALUATION = List.of("/provenance/evaluatedAt", "/seal");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();

    private static Contract contract;
    private static ConfigurableApplicationContext service;
    private static String baseUrl;
    private static HttpClient http;

    @BeforeContainer
    static synchronized void start() {
        if (contract != null) {
            return;
        }
        contract = new Contract();
        baseUrl = System.getProperty("fuzz.baseUrl");
        if (baseUrl == null || baseUrl.isBlank()) {
            service = new SpringApplicationBuilder(DmAdvisorApplication.class)
                    .run("--server.port=0", "--server.address=127.0.0.1");
            baseUrl = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
        }
        if (!URI.create(baseUrl).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[?::1]?")) {
            throw new IllegalArgumentException("Fuzz traffic goes to loopback addresses only, not " + baseUrl);
        }
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterContainer
    static synchronized void stop() throws IOException {
        if (service != null) {
            service.close();
            service = null;
        }
        contract = null;
        Map<String, Long> counts = new TreeMap<>();
        OUTCOMES.forEach((k, v) -> counts.put(k, v.get()));
        long total = counts.entrySet().stream().filter(e -> e.getKey().startsWith("status "))
                .mapToLong(Map.Entry::getValue).sum();
        StringBuilder summary = new StringBuilder("requests " + total + " against " + baseUrl + "\n");
        counts.forEach((k, v) -> summary.append(k).append(' ').append(v).append('\n'));
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("fuzz-summary.txt"), summary);
    }

    /** One request: where it goes, its body, and how it was made. */
    record Case(Contract.BodyOperation operation, byte[] body, String how) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return operation.operationId() + " " + how + ": " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        }
    }

    @Provide
    Arbitrary<Case> validRequests() {
        return validCases(contract);
    }

    @Provide
    Arbitrary<Case> brokenRequests() {
        return brokenCases(contract);
    }

    static Arbitrary<Case> validCases(Contract contract) {
        return Arbitraries.oneOf(contract.operations().stream().map(op -> valid(op)
                .map(body -> new Case(op, body.toString().getBytes(StandardCharsets.UTF_8), "valid"))).toList());
    }

    static Arbitrary<Case> brokenCases(Contract contract) {
        return Arbitraries.oneOf(contract.operations().stream().map(op -> Combinators
                .combine(valid(op), Arbitraries.of(Mutation.class), Arbitraries.longs())
                .as((body, mutation, seed) -> new Case(op, mutation.apply(body, new Random(seed)), mutation.name())))
                .toList());
    }

    /** Generated instances of the request schema, and the contract's examples of the operation. */
    private static Arbitrary<JsonNode> valid(Contract.BodyOperation operation) {
        Arbitrary<JsonNode> generated = Instances.of(operation.requestSchema());
        return operation.examples().isEmpty() ? generated
                : Arbitraries.oneOf(generated, Arbitraries.of(operation.examples()).map(JsonNode::deepCopy));
    }

    @Property
    void validRequestsAreAnsweredByTheContractAndTheSameWayTwice(@ForAll("validRequests") Case request) throws Exception {
        checkValid(request);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void brokenRequestsAreRefusedWithProblemsNamingTheField(@ForAll("brokenRequests") Case request) throws Exception {
        checkBroken(request);
    }

    static void checkValid(Case request) throws Exception {
        HttpResponse<String> first = send(request, "fuzz-" + Long.toHexString(System.nanoTime()));
        checkAnswer(request, first);
        assertThat(first.statusCode()).as("%s\n-> %s", request, first.body()).isIn(200, 422);
        HttpResponse<String> second = send(request, first.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(second.statusCode()).as("the same request twice: %s", request).isEqualTo(first.statusCode());
        assertThat(comparable(second.body())).as("the same request twice: %s", request).isEqualTo(comparable(first.body()));
    }

    static void checkBroken(Case request) throws Exception {
        HttpResponse<String> response = send(request, null);
        checkAnswer(request, response);
        OUTCOMES.computeIfAbsent("mutation " + request.how() + " -> " + response.statusCode(), k -> new AtomicLong())
                .incrementAndGet();
    }

    static Contract contract() {
        return contract;
    }

    private static HttpResponse<String> send(Case request, String requestId) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.operation().path()))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (requestId != null) {
            builder.header("X-Request-Id", requestId);
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        OUTCOMES.computeIfAbsent("status " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
        return response;
    }

    private static void checkAnswer(Case request, HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        String context = request + "\n-> " + status + " " + abbreviated(response.body());
        assertThat(status).as("no server error: %s", context).isLessThan(500);
        assertThat(status).as(context).isIn(200, 400, 413, 422);
        assertThat(INTERNALS.matcher(response.body()).find()).as("internals shown: %s", context).isFalse();
        JsonNode body = JSON.readTree(response.body());
        if (status == 200) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(Contract.violations(request.operation().answerSchema(), body)).as("answer against the contract: %s", context)
                    .isEmpty();
            return;
        }
        assertThat(response.headers().firstValue("Content-Type")).as(context).hasValue("application/problem+json");
        assertThat(contract.problemViolations(body)).as("problem against the contract: %s", context).isEmpty();
        assertThat(body.path("errors")).as("errors listed: %s", context).isNotEmpty();
        for (JsonNode error : body.path("errors")) {
            assertThat(error.path("field").asText()).as("every error names a field: %s", context).isNotBlank();
        }
    }

    private static JsonNode comparable(String body) throws IOException {
        JsonNode tree = JSON.readTree(body);
        if (tree instanceof ObjectNode object) {
            for (String pointer : PER_EVALUATION) {
                int slash = pointer.lastIndexOf('/');
                JsonNode parent = object.at(pointer.substring(0, slash));
                if (parent instanceof ObjectNode p) {
                    p.remove(pointer.substring(slash + 1));
                }
            }
        }
        return tree;
    }

    private static String abbreviated(String text) {
        return text.length() > 1500 ? text.substring(0, 1500) + "..." : text;
    }
}
