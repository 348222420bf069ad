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

    static Map<String, Object> o15Tracer() {
        Map<String, Object> in = new HashMap<>();
        in.put("Product type", "RADIOPHARMACEUTICAL");
        in.put("Shelf life minutes", new BigDecimal("10"));
        in.put("Central supply minutes", new BigDecimal("180"));
        in.put("Patient-specific starting material", false);
        in.put("Starting material transportable", null);
        in.put("Manufacture integral to administration", false);
        in.put("Manufacturing setting", "CARE_SETTING");
        in.put("Deployment reasons", List.of());
        in.put("Claimed benefits", List.of("TIMELINESS_OF_ACCESS", "LOWER_LOGISTICS_COST"));
        in.put("Benefit tied to indication and population", true);
        in.put("Benefit needs decentralised manufacture", true);
        in.put("Quality data available", true);
        in.put("Clinical data available", false);
        in.put("Control site location", "UK");
        in.put("Spoke site locations", "UK_ONLY");
        in.put("Authorisation route", "MARKETING_AUTHORISATION");
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
        assertThat(evaluation.decision("Next steps").matchedRows()).extracting(RuleRow::ruleId)
                .contains("NEXT-01", "NEXT-04", "NEXT-07").doesNotContain("NEXT-05");
        assertThat(evaluation.decision("Next steps").value()).asList().contains("POC_LABELLING");
    }

    @Test
    void describesEveryModelWithVersionAndContentHash() {
        ModelSource source = models.source("designation");
        assertThat(source.version()).isEqualTo("1.0.0");
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
        in.put("Manufacture integral to administration", false);
        in.put("Claimed benefits", List.of("LOWER_COST_OF_GOODS"));
        in.put("Benefit tied to indication and population", false);
        ModelEvaluation evaluation = models.evaluate("designation", in);

        List<Alternatives.Alternative> alternatives = models.alternatives(evaluation, in);

        Alternatives.Alternative justification = alternatives.stream()
                .filter(a -> a.decisionName().equals("Clinical-benefit justification")).findFirst().orElseThrow();
        assertThat(justification.outcome()).isEqualTo("REJECTED_COST_ONLY");
        assertThat(justification.nearest()).extracting(n -> n.row().ruleId()).containsExactly("JUS-08");
        assertThat(justification.nearest().get(0).unmet())
                .extracting(Alternatives.Unmet::input, Alternatives.Unmet::required, Alternatives.Unmet::actual)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Patient benefit claimed", "true", "false"),
                        org.assertj.core.groups.Tuple.tuple("Benefit tied to indication and population", "true", "false"));
        Alternatives.Alternative shelfLife = alternatives.stream()
                .filter(a -> a.decisionName().equals("POC shelf life ground")).findFirst().orElseThrow();
        assertThat(shelfLife.nearest().get(0).unmet()).singleElement()
                .satisfies(u -> {
                    assertThat(u.required()).isEqualTo("< 1");
                    assertThat(u.actual()).isEqualTo("8760");
                });
        assertThat(alternatives).extracting(Alternatives.Alternative::decisionName)
                .doesNotContain("Scope", "Siting");
    }
}
