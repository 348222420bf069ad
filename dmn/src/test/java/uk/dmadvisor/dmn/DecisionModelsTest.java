package uk.dmadvisor.dmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionModelsTest {

    private static DecisionModels models;

    @BeforeAll
    static void load() {
        models = DecisionModels.fromClasspath(DecisionModels.DEFAULT_PATTERN, DecisionModels.Engine.CHECKED);
    }

    /** The O-15 water tracer of the contract example, as model inputs. */
    static Map<String, Object> o15Tracer() {
        Map<String, Object> in = new HashMap<>();
        in.put("Product type", "RADIOPHARMACEUTICAL");
        in.put("Authorisation route", "MARKETING_AUTHORISATION");
        in.put("Local activity", "MANUFACTURE_FROM_STARTING_MATERIALS");
        in.put("Pharmacist-supervised preparation", false);
        in.put("Custom-made for individual patients", false);
        in.put("Shelf life minutes", new BigDecimal("10"));
        in.put("Shelf life kind", "FINISHED_PRODUCT");
        in.put("Shelf life basis", "RADIOACTIVE_DECAY");
        in.put("Can be stabilised", "NO");
        in.put("Existing licensed supplier", "NO");
        in.put("Release minutes", new BigDecimal("15"));
        in.put("Real-time release possible", "NO");
        in.put("Transport minutes", new BigDecimal("120"));
        in.put("Patient-specific starting material", false);
        in.put("Starting material transportable", null);
        in.put("Material transport evidence", null);
        in.put("Central round trip minutes", null);
        in.put("Clinical window minutes", null);
        in.put("Administered from manufacturing equipment", false);
        in.put("Minutes from manufacture to administration", new BigDecimal("1"));
        in.put("Whole batch administered", true);
        in.put("Manufacturing setting", "CARE_SETTING");
        in.put("Quality data", "GMP_BATCHES");
        in.put("Unit relocatable", null);
        in.put("Unit deployment", null);
        in.put("Deployment reason", null);
        in.put("Local manufacture reason", null);
        in.put("Timeliness claimed", false);
        in.put("Time saved minutes", null);
        in.put("Delay consequence", null);
        in.put("Timeliness evidence", null);
        in.put("Access claimed", true);
        in.put("Patients gaining access", "OUT_OF_REACH_OF_CENTRAL_SUPPLY");
        in.put("Access evidence", "QUALITY_DATA");
        in.put("Outcomes claimed", false);
        in.put("Outcome mechanism", null);
        in.put("Outcome evidence", null);
        in.put("Lower cost of goods claimed", false);
        in.put("Lower logistics cost claimed", true);
        in.put("Commercial advantage claimed", false);
        in.put("Control site location", "UK");
        in.put("Spoke site locations", "UK_ONLY");
        in.put("Control site certified", null);
        return in;
    }

    @Test
    void evaluatesEveryDecisionAndNamesTheRowsThatMatched() {
        ModelEvaluation evaluation = models.evaluate("designation", o15Tracer());

        assertThat(evaluation.decision("Recommendation").value()).isEqualTo("APPLY_FOR_POC");
        assertThat(evaluation.decision("POC shelf life ground").matchedRows()).extracting(RuleRow::ruleId)
                .containsExactly("POC-SL-01");
        assertThat(evaluation.decision("Clinical-benefit justification").matchedRows()).extracting(RuleRow::ruleId)
                .containsExactly("JUS-08");
        assertThat(evaluation.decision("Cost benefit").value()).isEqualTo("CLAIMED");
        assertThat(evaluation.decision("POC labelling exception").value()).isEqualTo("EXCEPTION_APPLIES");
        assertThat(evaluation.decision("Next steps").matchedRows()).extracting(RuleRow::ruleId)
                .contains("NEXT-01", "NEXT-04", "NEXT-07").doesNotContain("NEXT-05");
        assertThat(evaluation.decision("Next steps").value()).asList().contains("POC_LABELLING");
        assertThat(evaluation.decision("Obligations").value()).asList()
                .containsExactly("SITE_TRACEABILITY", "SITE_LEVEL_SIGNAL_DETECTION", "SAFETY_REPORTS_BY_SITE");
        assertThat(evaluation.decision("Blocking conditions").value()).asList().isEmpty();
    }

    @Test
    void aPreparationOfAProductMadeElsewhereIsNotAssessedAsManufacture() {
        Map<String, Object> in = o15Tracer();
        in.replaceAll((name, value) -> name.endsWith("claimed") ? Boolean.FALSE : null);
        in.putAll(Map.of("Product type", "CELL_THERAPY", "Authorisation route", "MARKETING_AUTHORISATION",
                "Local activity", "PREPARATION_OF_FINISHED_PRODUCT", "Pharmacist-supervised preparation", true,
                "Custom-made for individual patients", false));
        ModelEvaluation evaluation = models.evaluate("designation", in);

        assertThat(evaluation.decision("Recommendation").value()).isEqualTo("OTHER_ROUTE");
        assertThat(evaluation.decision("Existing route").value()).isEqualTo("PREPARATION_UNDER_PRODUCT_AUTHORISATION");
        assertThat(evaluation.decision("POC legal test").value()).isEqualTo("NOT_ASSESSED");
        assertThat(evaluation.decision("Next steps").value()).asList().containsExactly("USE_EXISTING_ROUTE");
    }

    @Test
    void describesEveryModelWithVersionAndContentHash() {
        ModelSource source = models.source("designation");
        assertThat(source.version()).isEqualTo("2.0.0");
        assertThat(source.sha256()).hasSize(64).isEqualTo(ContentHash.sha256(source.content()));
        assertThat(models.allRows()).allSatisfy(row -> {
            assertThat(row.citation()).isNotBlank();
            assertThat(row.explanation()).isNotBlank();
        });
    }

    @Test
    void anInputTheTablesCannotHandleIsAnErrorNotAnEmptyAnswer() {
        Map<String, Object> in = o15Tracer();
        in.put("Patient-specific starting material", null);
        assertThatThrownBy(() -> models.evaluate("designation", in))
                .isInstanceOf(ModelEvaluationException.class);
    }

    @Test
    void namesWhatWouldMakeACostOnlyJustificationAcceptable() {
        Map<String, Object> in = o15Tracer();
        in.put("Shelf life minutes", new BigDecimal("1576800"));
        in.put("Access claimed", false);
        in.put("Patients gaining access", null);
        in.put("Access evidence", null);
        in.put("Lower cost of goods claimed", true);
        ModelEvaluation evaluation = models.evaluate("designation", in);

        List<Alternatives.Alternative> alternatives = models.alternatives(evaluation, in);

        Alternatives.Alternative justification = alternatives.stream()
                .filter(a -> a.decisionName().equals("Clinical-benefit justification")).findFirst().orElseThrow();
        assertThat(justification.outcome()).isEqualTo("REJECTED_COST_ONLY");
        assertThat(justification.nearest()).extracting(n -> n.row().ruleId()).containsExactly("JUS-10", "JUS-08", "JUS-07");
        assertThat(justification.nearest().get(0).unmet())
                .extracting(Alternatives.Unmet::input, Alternatives.Unmet::required, Alternatives.Unmet::actual)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Timeliness benefit", "\"SUPPORTED\"", "NOT_CLAIMED"));
        Alternatives.Alternative shelfLife = alternatives.stream()
                .filter(a -> a.decisionName().equals("POC shelf life ground")).findFirst().orElseThrow();
        assertThat(shelfLife.nearest().get(0).unmet()).singleElement()
                .satisfies(u -> {
                    assertThat(u.required()).isEqualTo("< 1");
                    assertThat(u.actual()).isEqualTo("13140");
                });
        assertThat(alternatives).extracting(Alternatives.Alternative::decisionName)
                .doesNotContain("Scope", "Siting");
    }
}
