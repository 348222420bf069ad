package uk.dmadvisor.testcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares what a run produced with what the case file expects, reporting every difference at once. */
final class CaseChecks {

    private CaseChecks() {
    }

    static void verify(TestCase testCase, Observed observed, String how) {
        TestCase.Expectation expect = testCase.expect();
        String label = testCase.id() + " (" + how + ", " + testCase.file().getFileName() + ")";
        assertThat(observed.status()).as("%s status; body %s", label, observed.body()).isEqualTo(expect.expectedStatus());
        SoftAssertions soft = new SoftAssertions();
        if (expect.recommendation() != null) {
            soft.assertThat(observed.recommendation()).as("%s recommendation", label).isEqualTo(expect.recommendation());
        }
        if (expect.decisions() != null) {
            for (Map.Entry<String, String> decision : expect.decisions().entrySet()) {
                soft.assertThat(observed.decisions()).as("%s decision '%s'", label, decision.getKey())
                        .containsEntry(decision.getKey(), decision.getValue());
            }
        }
        if (expect.rules() != null) {
            soft.assertThat(observed.rules()).as("%s matched rules", label).containsAll(expect.rules());
        }
        if (expect.nextSteps() != null) {
            soft.assertThat(observed.nextSteps()).as("%s next steps", label)
                    .containsExactlyInAnyOrderElementsOf(expect.nextSteps());
        }
        if (expect.findings() != null) {
            soft.assertThat(observed.findings()).as("%s findings", label)
                    .containsExactlyInAnyOrderElementsOf(expect.findings());
        }
        if (expect.groupingHints() != null) {
            soft.assertThat(observed.groupingHints()).as("%s grouping hints", label)
                    .containsExactlyInAnyOrderElementsOf(expect.groupingHints());
        }
        if (expect.errors() != null) {
            soft.assertThat(observed.errorFields()).as("%s fields named in the problem", label)
                    .containsAll(expect.errors());
        }
        if (expect.overall() != null) {
            compare(soft, label + " overall", expect.overall(), observed.overall());
        }
        if (expect.changes() != null) {
            expect.changes().forEach((id, expected) -> {
                soft.assertThat(observed.changes()).as("%s changes", label).containsKey(id);
                compare(soft, label + " change " + id, expected, observed.changes().get(id));
            });
        }
        if (expect.sites() != null) {
            expect.sites().forEach((id, expected) -> {
                soft.assertThat(observed.sites()).as("%s sites", label).containsKey(id);
                compare(soft, label + " site " + id, expected, observed.sites().get(id));
            });
        }
        soft.assertAll();
    }

    /** Scalars must be equal; lists must hold the same items in any order; objects the same fields and values. */
    private static void compare(SoftAssertions soft, String label, Map<String, JsonNode> expected, JsonNode actual) {
        if (actual == null) {
            return;
        }
        expected.forEach((key, value) -> {
            JsonNode observed = actual.path(key);
            if (value.isObject()) {
                soft.assertThat(observed).as("%s %s", label, key).isEqualTo(value);
            } else if (value.isArray()) {
                soft.assertThat(texts(observed)).as("%s %s", label, key).containsExactlyInAnyOrderElementsOf(texts(value));
            } else {
                soft.assertThat(observed.isMissingNode() || observed.isNull() ? null : observed.asText())
                        .as("%s %s", label, key).isEqualTo(value.isNull() ? null : value.asText());
            }
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
