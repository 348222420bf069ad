package uk.dmadvisor.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each deliberately broken fixture model must be stopped by the gate, for the right reason. */
class ModelGateFixturesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "schema.dmn, SCHEMA",
            "semantic.dmn, SEMANTIC",
            "gap.dmn, GAP",
            "overlap.dmn, OVERLAP",
            "missing-citation.dmn, CITATION",
            "bad-basis.dmn, BASIS",
            "no-explanation.dmn, EXPLANATION",
            "duplicate-rule-id.dmn, RULE_ID",
            "unasked-input.dmn, QUESTIONS"
    })
    void brokenFixtureIsCaught(String fixture, ModelGate.Fault expected) throws IOException {
        List<ModelGate.Finding> findings = ModelGate.check(fixture, read(fixture), questions(fixture));
        assertThat(findings).extracting(ModelGate.Finding::fault).contains(expected);
    }

    @ParameterizedTest
    @CsvSource("valid.dmn")
    void theSameModelWithoutTheFaultPasses(String fixture) throws IOException {
        assertThat(ModelGate.check(fixture, read(fixture), questions(fixture))).isEmpty();
    }

    /** The fixture's question catalogue; every fixture but unasked-input shares the one that fits valid.dmn. */
    private static byte[] questions(String fixture) throws IOException {
        return read(fixture.equals("unasked-input.dmn") ? "unasked-input.questions.yaml" : "valid.questions.yaml");
    }

    private static byte[] read(String fixture) throws IOException {
        try (InputStream in = ModelGateFixturesTest.class.getResourceAsStream("/gate-fixtures/" + fixture)) {
            assertThat(in).as("fixture %s", fixture).isNotNull();
            return in.readAllBytes();
        }
    }
}
