package uk.dmadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.dmadvisor.api.model.Answer;
import uk.dmadvisor.api.model.Benefit;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.api.model.Justification;
import uk.dmadvisor.api.model.ManufacturingPlan;
import uk.dmadvisor.api.model.ManufacturingSetting;
import uk.dmadvisor.api.model.PointOfCareFacts;
import uk.dmadvisor.api.model.Siting;

class RequestRulesTest {

    private static RequestRules rules;

    @BeforeAll
    static void compile() {
        rules = RequestRules.fromClasspath();
    }

    private static DesignationAssessmentRequest request() {
        return new DesignationAssessmentRequest()
                .pointOfCare(new PointOfCareFacts().shelfLifeMinutes(60.0).centralSupplyMinutes(600.0)
                        .patientSpecificStartingMaterial(false).manufactureIntegralToAdministration(false))
                .manufacturing(new ManufacturingPlan().setting(ManufacturingSetting.CARE_SETTING))
                .siting(new Siting().controlSiteLocation(Siting.ControlSiteLocationEnum.UK)
                        .spokeSiteLocations(Siting.SpokeSiteLocationsEnum.UK_ONLY));
    }

    @Test
    void everyRuleDeclaresItsIdKindCitationAndBasis() {
        assertThat(rules.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.ruleId()).isNotBlank();
            assertThat(rule.citation()).isNotBlank();
            assertThat(RuleMetadata.BASES).contains(rule.basis());
        });
        assertThat(rules.sources()).allSatisfy(s -> assertThat(s.version()).matches("\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void aConsistentRequestFiresNothing() {
        RuleEvaluation evaluation = rules.evaluate(List.of(request()));
        assertThat(evaluation.fired()).isEmpty();
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void transportabilityWithoutPatientMaterialIsAContradiction() {
        DesignationAssessmentRequest request = request();
        request.getPointOfCare().setStartingMaterialTransportable(Answer.YES);
        RuleEvaluation evaluation = rules.evaluate(List.of(request));
        assertThat(evaluation.contradictions()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DES-C-02");
            assertThat(f.field()).isEqualTo("pointOfCare.startingMaterialTransportable");
        });
    }

    @Test
    void costBesidePatientBenefitIsAnAdvisoryAndNamesItsSource() {
        DesignationAssessmentRequest request = request().justification(new Justification()
                .benefits(new java.util.LinkedHashSet<>(List.of(Benefit.TIMELINESS_OF_ACCESS, Benefit.LOWER_COST_OF_GOODS)))
                .tiedToIndicationAndPopulation(true).needsDecentralisedManufacture(true)
                .qualityDataAvailable(true).clinicalDataAvailable(false));
        RuleEvaluation evaluation = rules.evaluate(List.of(request));
        assertThat(evaluation.advisories()).extracting(RuleFinding::ruleId).containsExactly("DES-A-01");
        assertThat(evaluation.fired()).extracting(RuleMetadata::ruleId).containsExactly("DES-A-01");
        assertThat(evaluation.advisories().get(0).citation()).contains("Seed article");
    }
}
