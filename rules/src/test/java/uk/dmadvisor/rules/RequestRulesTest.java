package uk.dmadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.dmadvisor.api.model.ActivityFacts;
import uk.dmadvisor.api.model.Administration;
import uk.dmadvisor.api.model.Answer;
import uk.dmadvisor.api.model.AuthorisationRoute;
import uk.dmadvisor.api.model.Benefit;
import uk.dmadvisor.api.model.Change;
import uk.dmadvisor.api.model.ChangeAction;
import uk.dmadvisor.api.model.ChangeSubject;
import uk.dmadvisor.api.model.BenefitEvidence;
import uk.dmadvisor.api.model.CentralSupply;
import uk.dmadvisor.api.model.ClaimedBenefit;
import uk.dmadvisor.api.model.ControlSiteLocation;
import uk.dmadvisor.api.model.DelayConsequence;
import uk.dmadvisor.api.model.DesignationAssessmentRequest;
import uk.dmadvisor.api.model.Justification;
import uk.dmadvisor.api.model.LocalActivity;
import uk.dmadvisor.api.model.ManufacturingPlan;
import uk.dmadvisor.api.model.ManufacturingSetting;
import uk.dmadvisor.api.model.PatientMaterial;
import uk.dmadvisor.api.model.PointOfCareFacts;
import uk.dmadvisor.api.model.Product;
import uk.dmadvisor.api.model.ProductType;
import uk.dmadvisor.api.model.QualityData;
import uk.dmadvisor.api.model.ShelfLife;
import uk.dmadvisor.api.model.ShelfLifeBasis;
import uk.dmadvisor.api.model.ShelfLifeKind;
import uk.dmadvisor.api.model.Siting;
import uk.dmadvisor.api.model.SpokeSiteLocations;
import uk.dmadvisor.rules.changecontrol.RequestedChange;
import uk.dmadvisor.rules.changecontrol.SiteFact;

class RequestRulesTest {

    private static RequestRules rules;

    @BeforeAll
    static void compile() {
        rules = RequestRules.fromClasspath();
    }

    private static DesignationAssessmentRequest request() {
        return new DesignationAssessmentRequest()
                .product(new Product().name("Tracer").productType(ProductType.RADIOPHARMACEUTICAL).indication("Imaging")
                        .patientPopulation("Adults").authorisationRoute(AuthorisationRoute.MARKETING_AUTHORISATION))
                .activity(new ActivityFacts().localActivity(LocalActivity.MANUFACTURE_FROM_STARTING_MATERIALS)
                        .pharmacistSupervisedPreparation(false).customMadeForIndividualPatients(false))
                .pointOfCare(new PointOfCareFacts()
                        .shelfLife(new ShelfLife().minutes(60.0).kind(ShelfLifeKind.FINISHED_PRODUCT)
                                .basis(ShelfLifeBasis.RADIOACTIVE_DECAY).canBeStabilised(Answer.NO))
                        .centralSupply(new CentralSupply().existingSupplier(Answer.NO).releaseMinutes(60.0)
                                .realTimeRelease(Answer.NO).transportMinutes(240.0))
                        .patientSpecificStartingMaterial(false)
                        .administration(new Administration().fromManufacturingEquipment(false)
                                .minutesAfterManufacture(10.0).wholeBatchAdministered(true)))
                .manufacturing(new ManufacturingPlan().setting(ManufacturingSetting.CARE_SETTING)
                        .qualityData(QualityData.GMP_BATCHES))
                .siting(new Siting().controlSiteLocation(ControlSiteLocation.UK)
                        .spokeSiteLocations(SpokeSiteLocations.UK_ONLY));
    }

    private static List<String> contradictions(DesignationAssessmentRequest request) {
        return rules.evaluate(List.of(request)).contradictions().stream().map(f -> f.ruleId() + " " + f.field()).toList();
    }

    @Test
    void everyRuleFileDeclaresASemanticVersion() {
        assertThat(rules.rules()).isNotEmpty();
        assertThat(rules.sources()).allSatisfy(s -> assertThat(s.version()).matches("\\d+\\.\\d+\\.\\d+"));
    }

    /** Rules without a citation, with a basis or kind outside the vocabulary, or sharing an id are refused at load. */
    @ParameterizedTest
    @CsvSource({
            "no-citation, has no @citation",
            "unknown-basis, has basis HEARSAY",
            "unknown-kind, has kind OPINION",
            "same-id, FX-04 is used twice"})
    void aRuleFileWithIncompleteOrClashingMetadataIsRefused(String fixture, String message) {
        assertThatThrownBy(() -> RequestRules.fromClasspath("classpath*:bad-rules/" + fixture + ".drl"))
                .hasMessageContaining(message);
    }

    @Test
    void theBundledRulesComeFromTheExecutableModelTheBuildCompiled() {
        assertThat(rules.precompiled()).isTrue();
    }

    @Test
    void aConsistentRequestFiresNothing() {
        RuleEvaluation evaluation = rules.evaluate(List.of(request()));
        assertThat(evaluation.fired()).isEmpty();
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void theDesignationRulesHoldOnlyContradictions() {
        assertThat(rules.rules()).filteredOn(r -> r.ruleId().startsWith("DES-"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.kind()).isEqualTo("CONTRADICTION"));
    }

    @Test
    void patientMaterialDescribedWithoutPatientSpecificMaterialIsAContradiction() {
        DesignationAssessmentRequest request = request();
        request.getPointOfCare().setPatientMaterial(new PatientMaterial().transportable(Answer.UNKNOWN));
        assertThat(contradictions(request)).containsExactly("DES-C-02 pointOfCare.patientMaterial");
    }

    @Test
    void aCentralSupplyTimeSlowerThanTheExistingSupplierIsCaught() {
        DesignationAssessmentRequest request = request();
        request.getPointOfCare().getShelfLife().setMinutes(600.0);
        request.getPointOfCare().getCentralSupply().existingSupplier(Answer.YES).existingSupplierDeliveryMinutes(120.0);
        RuleEvaluation evaluation = rules.evaluate(List.of(request));
        assertThat(evaluation.contradictions()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DES-C-05");
            assertThat(f.field()).isEqualTo("pointOfCare.centralSupply.transportMinutes");
            assertThat(f.message()).contains("300 minutes", "delivers this product in 120");
        });
    }

    @Test
    void aSupplierThatDeliversAfterTheShelfLifeIsCaught() {
        DesignationAssessmentRequest request = request();
        request.getPointOfCare().getCentralSupply().existingSupplier(Answer.YES).existingSupplierDeliveryMinutes(400.0);
        assertThat(contradictions(request)).containsExactly(
                "DES-C-06 pointOfCare.centralSupply.existingSupplierDeliveryMinutes");
    }

    @Test
    void aBenefitClaimedTwiceIsNamedAtItsSecondPosition() {
        DesignationAssessmentRequest request = request();
        ClaimedBenefit timeliness = new ClaimedBenefit().kind(Benefit.TIMELINESS_OF_ACCESS)
                .evidence(BenefitEvidence.QUALITY_DATA).timeSavedMinutes(120.0)
                .delayConsequence(DelayConsequence.DISEASE_PROGRESSES);
        ClaimedBenefit same = new ClaimedBenefit().kind(Benefit.TIMELINESS_OF_ACCESS)
                .evidence(BenefitEvidence.QUALITY_DATA).timeSavedMinutes(120.0)
                .delayConsequence(DelayConsequence.DISEASE_PROGRESSES);
        request.justification(new Justification().benefits(new ArrayList<>(List.of(
                new ClaimedBenefit().kind(Benefit.LOWER_COST_OF_GOODS), timeliness, same))));
        assertThat(contradictions(request)).containsExactly("DES-C-16 justification.benefits[2].kind");
    }

    @Test
    void aPreparationNeedsNoFurtherSections() {
        DesignationAssessmentRequest request = request().pointOfCare(null).manufacturing(null).siting(null);
        request.getActivity().setLocalActivity(LocalActivity.PREPARATION_OF_FINISHED_PRODUCT);
        assertThat(contradictions(request)).isEmpty();
        request.getActivity().setLocalActivity(LocalActivity.UNSURE);
        assertThat(contradictions(request)).containsExactlyInAnyOrder(
                "DES-C-13 pointOfCare", "DES-C-14 manufacturing", "DES-C-15 siting");
    }

    /** N copies of an id are N - 1 findings, each against the first copy (not one per pair). */
    @Test
    void aRepeatedIdIsReportedOncePerRepeatAgainstTheFirst() {
        List<Object> facts = new ArrayList<>();
        facts.add(new SiteFact(0, "HUB", "CONTROL_SITE", "ACTIVE"));
        for (int i = 1; i <= 3; i++) {
            facts.add(new SiteFact(i, "SPOKE-1", "SPOKE", "ACTIVE"));
        }
        for (int i = 0; i < 4; i++) {
            facts.add(new RequestedChange(i, new Change().id("CC-1").subject(ChangeSubject.EQUIPMENT_OR_FACILITY)
                    .action(ChangeAction.REPLACE).siteIds(new LinkedHashSet<>(List.of("SPOKE-1")))));
        }
        List<String> repeats = rules.evaluate(facts).contradictions().stream()
                .filter(f -> f.ruleId().equals("CC-C-02") || f.ruleId().equals("CC-C-03"))
                .map(f -> f.ruleId() + " " + f.field() + " " + f.message()).toList();
        assertThat(repeats).containsExactlyInAnyOrder(
                "CC-C-02 changes[1].id repeats the id CC-1 of changes[0]; every change needs its own id",
                "CC-C-02 changes[2].id repeats the id CC-1 of changes[0]; every change needs its own id",
                "CC-C-02 changes[3].id repeats the id CC-1 of changes[0]; every change needs its own id",
                "CC-C-03 sites[2].id repeats the id SPOKE-1 of sites[1]; every site needs its own id",
                "CC-C-03 sites[3].id repeats the id SPOKE-1 of sites[1]; every site needs its own id");
    }

    /** The shared session pool serves concurrent requests without mixing their facts, findings or fired rules. */
    @Test
    void concurrentEvaluationsKeepTheirOwnFindings() throws Exception {
        DesignationAssessmentRequest consistent = request();
        DesignationAssessmentRequest contradictory = request();
        contradictory.getPointOfCare().setPatientMaterial(new PatientMaterial().transportable(Answer.UNKNOWN));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean expectContradiction = i % 2 == 1;
                DesignationAssessmentRequest request = expectContradiction ? contradictory : consistent;
                results.add(pool.submit(() -> {
                    RuleEvaluation evaluation = rules.evaluate(List.of(request));
                    return expectContradiction
                            ? evaluation.fired().size() == 1 && evaluation.contradictions().size() == 1
                            && evaluation.contradictions().get(0).ruleId().equals("DES-C-02")
                            : evaluation.fired().isEmpty() && evaluation.findings().isEmpty();
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
