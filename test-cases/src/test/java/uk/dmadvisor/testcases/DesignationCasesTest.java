package uk.dmadvisor.testcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Validator;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.client.ApiClient;
import uk.dmadvisor.client.ApiException;
import uk.dmadvisor.client.api.DesignationApi;
import uk.dmadvisor.dmn.DecisionModels;
import uk.dmadvisor.rules.RequestRules;
import uk.dmadvisor.service.DmAdvisorApplication;
import uk.dmadvisor.service.designation.DesignationAdvisor;
import uk.dmadvisor.service.problems.InvalidRequestException;
import uk.dmadvisor.service.problems.RequestProblems;

/**
 * Runs every designation case twice: in process (the same JSON reading, validation, rules and models the
 * endpoint uses, without HTTP) and over HTTP through the generated Java client. Then fails the build if a
 * decision-table row or DRL rule is exercised by no case.
 */
@SpringBootTest(classes = DmAdvisorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesignationCasesTest {

    private static final Path CASES = Path.of("designation");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Validator validator;
    @Autowired
    DesignationAdvisor advisor;
    @Autowired
    DecisionModels models;
    @Autowired
    RequestRules rules;

    @TestFactory
    Stream<DynamicNode> designationCases() {
        List<TestCase> cases = TestCase.load(CASES);
        RuleCoverage coverage = new RuleCoverage();
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("case ids are unique and there are at least 40 cases", () -> {
            assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
            assertThat(cases.stream().map(TestCase::id)).doesNotHaveDuplicates();
        }));
        for (TestCase testCase : cases) {
            nodes.add(DynamicContainer.dynamicContainer(testCase.toString(), Stream.of(
                    DynamicTest.dynamicTest("in process", () -> {
                        Observed observed = inProcess(testCase.request());
                        coverage.record(testCase.id(), observed.rules());
                        CaseChecks.verify(testCase, observed, "in process");
                    }),
                    DynamicTest.dynamicTest("over HTTP", () -> {
                        Observed observed = overHttp(testCase.request());
                        coverage.record(testCase.id(), observed.rules());
                        CaseChecks.verify(testCase, observed, "over HTTP");
                    }))));
        }
        nodes.add(DynamicTest.dynamicTest("every decision-table row and DRL rule is exercised", () -> {
            coverage.write(Path.of("target", "rule-coverage.md"), models.allRows(), rules.rules());
            assertThat(coverage.unexercised(models.allRows(), rules.rules()))
                    .as("rows and rules no case exercises (report: test-cases/target/rule-coverage.md)")
                    .isEmpty();
        }));
        return nodes.stream();
    }

    private Observed inProcess(JsonNode body) {
        try {
            DesignationAssessmentRequest request;
            try {
                request = json.readValue(body.toString(), DesignationAssessmentRequest.class);
            } catch (JsonProcessingException e) {
                throw RequestProblems.fromUnreadableBody(e);
            }
            if (request == null) {
                throw RequestProblems.fromUnreadableBody(null);
            }
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw RequestProblems.fromViolations(violations.stream()
                        .map(v -> new RequestProblems.Violation(v.getPropertyPath().toString(),
                                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                                v.getMessage()))
                        .toList());
            }
            return Observed.fromAssessment(json.valueToTree(advisor.assess(request)));
        } catch (InvalidRequestException e) {
            return Observed.fromProblem(e.status().value(), json.valueToTree(RequestProblems.toProblem(e)));
        }
    }

    /**
     * A valid request travels as the client's own typed model. A deliberately invalid one cannot be expressed in
     * that model, so the client sends the case's JSON as it stands, through the same client and transport.
     */
    private Observed overHttp(JsonNode body) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        uk.dmadvisor.client.model.DesignationAssessmentRequest typed = TypedRequests.typedOrNull(
                client.getObjectMapper(), body, uk.dmadvisor.client.model.DesignationAssessmentRequest.class);
        if (typed == null) {
            typed = new uk.dmadvisor.client.model.DesignationAssessmentRequest();
            client.setRequestInterceptor(builder -> builder.POST(BodyPublishers.ofString(body.toString())));
        }
        DesignationApi api = new DesignationApi(client);
        try {
            var answer = api.assessDesignation(typed);
            return Observed.fromAssessment(client.getObjectMapper().valueToTree(answer));
        } catch (ApiException e) {
            return Observed.fromProblem(e.getCode(), json.readTree(e.getResponseBody()));
        }
    }
}
