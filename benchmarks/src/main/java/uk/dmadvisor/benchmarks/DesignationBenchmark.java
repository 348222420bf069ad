package uk.dmadvisor.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.api.model.AnswerView;
import uk.dmadvisor.api.model.DesignationAssessment;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.service.DmAdvisorApplication;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.dmn.ModelEvaluation;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.rules.RuleEvaluation;
import uk.dmadvisor.service.designation.DesignationAdvisor;
import uk.dmadvisor.service.designation.DesignationInputs;

/**
 * One full designation assessment in process (consistency rules, every decision of the model, the explained
 * answer), against a baseline measured in the same run: reading and writing the same request as JSON, which
 * every HTTP call pays anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DesignationBenchmark {

    private ConfigurableApplicationContext context;
    private DesignationAdvisor advisor;
    private ObjectMapper json;
    private DesignationAssessmentRequest request;
    private String requestJson;
    private DecisionModels models;
    private RequestRules rules;
    private java.util.Map<String, Object> inputs;
    private DesignationAssessmentRequest[] varied;
    private int cursor;

    @Setup(Level.Trial)
    public void start() throws IOException {
        context = new SpringApplicationBuilder(DmAdvisorApplication.class).web(WebApplicationType.NONE)
                .run("--logging.level.root=WARN");
        advisor = context.getBean(DesignationAdvisor.class);
        json = context.getBean(ObjectMapper.class);
        try (InputStream in = DesignationBenchmark.class.getResourceAsStream("/car-t-request.json")) {
            requestJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        request = json.readValue(requestJson, DesignationAssessmentRequest.class);
        models = context.getBean(DecisionModels.class);
        rules = context.getBean(RequestRules.class);
        inputs = DesignationInputs.from(request);
        // Run from the repository root (benchmarks/run.sh does): every designation case answered with 200.
        varied = LoadBodies.designationRequests(Path.of("test-cases")).stream()
                .map(node -> json.convertValue(node, DesignationAssessmentRequest.class))
                .toArray(DesignationAssessmentRequest[]::new);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    @Benchmark
    public String baselineJsonRoundTrip() throws IOException {
        return json.writeValueAsString(json.readValue(requestJson, DesignationAssessmentRequest.class));
    }

    /** The designation model alone: every decision table, with matched-row capture. */
    @Benchmark
    public ModelEvaluation modelOnly() {
        return models.evaluate("designation", inputs);
    }

    /** The request-level DRL rules alone, in a fresh stateless session. */
    @Benchmark
    public RuleEvaluation rulesOnly() {
        return rules.evaluate(java.util.List.of(request));
    }

    @Benchmark
    public DesignationAssessment fullAssessment() {
        return advisor.assess(request);
    }

    /**
     * Varied inputs: each call answers the next designation case in turn (some hundred distinct requests); sampled,
     * so JMH reports the median (p0.50) beside the mean.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public DesignationAssessment fullAssessmentVaried() {
        return advisor.assess(nextVaried());
    }

    /** As above, in the compact view (no trace, no alternatives). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public DesignationAssessment compactAssessmentVaried() {
        return advisor.assess(nextVaried(), AnswerView.COMPACT);
    }

    private DesignationAssessmentRequest nextVaried() {
        DesignationAssessmentRequest next = varied[cursor];
        cursor = (cursor + 1) % varied.length;
        return next;
    }
}
