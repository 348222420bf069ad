package uk.dmadvisor.testcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validator;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.client.ApiClient;
import uk.dmadvisor.client.ApiException;
import uk.dmadvisor.client.api.ChangeControlApi;
import uk.dmadvisor.client.api.DesignationApi;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.service.DmAdvisorApplication;
import uk.dmadvisor.service.changecontrol.ChangeControlAdvisor;
import uk.dmadvisor.service.designation.DesignationAdvisor;
import uk.dmadvisor.service.problems.InvalidRequestException;
import uk.dmadvisor.service.problems.RequestProblems;

/**
 * Runs every regulatory case twice: in process (the same JSON reading, validation, rules and models the
 * endpoints use, without HTTP) and over HTTP through the generated Java client. Then fails the build if a
 * decision-table row or DRL rule is exercised by no case.
 */
@SpringBootTest(classes = DmAdvisorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegulatoryCasesTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Validator validator;
    @Autowired
    DesignationAdvisor designation;
    @Autowired
    ChangeControlAdvisor changeControl;
    @Autowired
    DecisionModels models;
    @Autowired
    RequestRules rules;

    @TestFactory
    Stream<DynamicNode> regulatoryCases() {
        RuleCoverage coverage = new RuleCoverage();
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(suite("designation", 40, coverage,
                body -> inProcess(body, DesignationAssessmentRequest.class,
                        request -> Observed.fromDesignation(json.valueToTree(designation.assess(request)))),
                body -> overHttp(body, uk.dmadvisor.client.model.DesignationAssessmentRequest.class,
                        (client, typed) -> new DesignationApi(client).assessDesignation(typed, null), Observed::fromDesignation)));
        nodes.add(suite("change-control", 50, coverage,
                body -> inProcess(body, ChangeAssessmentRequest.class,
                        request -> Observed.fromChangeAssessment(json.valueToTree(changeControl.assess(request)))),
                body -> overHttp(body, uk.dmadvisor.client.model.ChangeAssessmentRequest.class,
                        (client, typed) -> new ChangeControlApi(client).assessChanges(typed, null), Observed::fromChangeAssessment)));
        nodes.add(DynamicTest.dynamicTest("every decision-table row and DRL rule is exercised", () -> {
            coverage.write(Path.of("target", "rule-coverage.md"), models.allRows(), rules.rules());
            assertThat(coverage.unexercised(models.allRows(), rules.rules()))
                    .as("rows and rules no case exercises (report: test-cases/target/rule-coverage.md)")
                    .isEmpty();
        }));
        return nodes.stream();
    }

    private interface Run {
        Observed apply(JsonNode body) throws Exception;
    }

    private interface ClientCall<T> {
        Object call(ApiClient client, T typed) throws ApiException;
    }

    private DynamicContainer suite(String folder, int minimum, RuleCoverage coverage, Run inProcess, Run overHttp) {
        List<TestCase> cases = TestCase.load(Path.of(folder));
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("case ids are unique and there are at least " + minimum + " cases", () -> {
            assertThat(cases).hasSizeGreaterThanOrEqualTo(minimum);
            assertThat(cases.stream().map(TestCase::id)).doesNotHaveDuplicates();
        }));
        for (TestCase testCase : cases) {
            nodes.add(DynamicContainer.dynamicContainer(testCase.toString(), Stream.of(
                    DynamicTest.dynamicTest("in process", () -> {
                        Observed observed = inProcess.apply(testCase.request());
                        coverage.record(testCase.id(), observed.rules());
                        CaseChecks.verify(testCase, observed, "in process");
                    }),
                    DynamicTest.dynamicTest("over HTTP", () -> {
                        Observed observed = overHttp.apply(testCase.request());
                        coverage.record(testCase.id(), observed.rules());
                        CaseChecks.verify(testCase, observed, "over HTTP");
                    }))));
        }
        return DynamicContainer.dynamicContainer(folder, nodes);
    }

    private <T> Observed inProcess(JsonNode body, Class<T> type, Function<T, Observed> assess) {
        try {
            return assess.apply(RequestProblems.readValid(json, validator,
                    body.toString().getBytes(StandardCharsets.UTF_8), type));
        } catch (InvalidRequestException e) {
            return Observed.fromProblem(e.status().value(), json.valueToTree(RequestProblems.toProblem(e)));
        }
    }

    /**
     * A valid request travels as the client's own typed model. A deliberately invalid one cannot be expressed in
     * that model, so the client sends the case's JSON as it stands, through the same client and transport.
     */
    private <T> Observed overHttp(JsonNode body, Class<T> type, ClientCall<T> call, Function<JsonNode, Observed> read)
            throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        T typed = TypedRequests.typedOrNull(client.getObjectMapper(), body, type);
        if (typed == null) {
            typed = type.getDeclaredConstructor().newInstance();
            client.setRequestInterceptor(builder -> builder.POST(BodyPublishers.ofString(body.toString())));
        }
        try {
            return read.apply(client.getObjectMapper().valueToTree(call.call(client, typed)));
        } catch (ApiException e) {
            return Observed.fromProblem(e.getCode(), json.readTree(e.getResponseBody()));
        }
    }
}
