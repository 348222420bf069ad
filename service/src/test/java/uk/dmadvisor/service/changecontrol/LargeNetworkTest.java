package uk.dmadvisor.service.changecontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.dmadvisor.api.model.Action;
import uk.dmadvisor.api.model.ChangeAssessment;
import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.api.model.ChangeOutcome;
import uk.dmadvisor.api.model.Finding;
import uk.dmadvisor.api.model.Route;
import uk.dmadvisor.api.model.SiteOutcome;
import uk.dmadvisor.api.model.VariationCategory;

/** 1,000 changes across 200 spokes are answered, and answered correctly, in process and over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargeNetworkTest {

    private static final Set<String> EVERY_SPOKE_OBLIGATION = Set.of("PQS_CHANGE_RECORD", "UPDATE_DMMF",
            "ANNUAL_REPORT", "CONFIRM_ROUTE_WITH_MHRA", "COMPARABILITY_DATA", "REVALIDATION", "NOTIFY_TYPE_IA",
            "SUBMIT_TYPE_IB", "MAH_INFORMS_LICENCE_HOLDER", "SEEK_CLASSIFICATION_ADVICE");

    @Autowired
    ChangeControlAdvisor advisor;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    @Test
    void aThousandChangesAcrossTwoHundredSpokesInProcess() {
        ChangeAssessment answer = advisor.assess(LargeNetworkFixture.request(1000, 200));

        assertThat(answer.getOverall().getRoute()).isEqualTo(Route.MA_VARIATION);
        assertThat(answer.getOverall().getVariationCategory()).isEqualTo(VariationCategory.TYPE_IB);
        assertThat(answer.getOverall().getDecidingChangeId()).isEqualTo("CC-0003");
        assertThat(answer.getChanges()).hasSize(1000);
        assertThat(answer.getChanges().stream().collect(Collectors.groupingBy(ChangeOutcome::getRoute, Collectors.counting())))
                .containsEntry(Route.LOCAL_PQS, 250L).containsEntry(Route.MASTER_FILE_UPDATE, 250L)
                .containsEntry(Route.MA_VARIATION, 500L);
        assertThat(answer.getChanges().get(2).getClassification().getCode()).isEqualTo("B.II.d.1(a)");
        assertThat(answer.getChanges().get(3).getClassification().getCode()).isEqualTo("Art 3 (z)");
        assertThat(answer.getTrace().getEvaluations()).hasSize(4);
        assertThat(answer.getSites()).hasSize(201);
        SiteOutcome hub = answer.getSites().get(0);
        assertThat(hub.getChangeIds()).isEmpty();
        for (SiteOutcome spoke : answer.getSites().subList(1, 201)) {
            assertThat(spoke.getChangeIds()).hasSize(1000);
            assertThat(spoke.getObligations().stream().map(Action::getCode).collect(Collectors.toSet()))
                    .isEqualTo(EVERY_SPOKE_OBLIGATION);
            assertThat(spoke.getFindingRuleIds()).isEmpty();
        }
        assertThat(answer.getFindings()).isEmpty();
        assertThat(answer.getGroupingHints()).extracting(Finding::getRuleId).containsExactly("CC-GRP-01");
        assertThat(answer.getGroupingHints().get(0).getChangeIds()).hasSize(500);
    }

    @Test
    void aThousandChangesAcrossTwoHundredSpokesOverHttp() throws Exception {
        HttpResponse<String> response = post(json.writeValueAsString(LargeNetworkFixture.request(1000, 200)));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("overall").path("route").asText()).isEqualTo("MA_VARIATION");
        assertThat(answer.path("changes")).hasSize(1000);
        assertThat(answer.path("sites")).hasSize(201);
        assertThat(answer.path("sites").get(200).path("changeIds")).hasSize(1000);
    }

    @Test
    void moreChangesThanTheLimitIs422NamingTheLimit() throws Exception {
        HttpResponse<String> response = post(json.writeValueAsString(LargeNetworkFixture.request(2001, 2)));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = json.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("changes");
        assertThat(error.path("message").asText()).contains("2000");
    }

    @Test
    void moreSitesThanTheLimitIs422NamingTheLimit() throws Exception {
        ChangeAssessmentRequest request = LargeNetworkFixture.request(1, 500);
        HttpResponse<String> response = post(json.writeValueAsString(request));
        assertThat(response.statusCode()).isEqualTo(422);
        List<String> fields = json.readTree(response.body()).path("errors").findValuesAsText("field");
        assertThat(fields).containsExactly("sites");
        assertThat(response.body()).contains("500");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/change-assessments"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }
}
