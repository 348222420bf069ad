package uk.dmadvisor.testcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.assertj.core.api.SoftAssertions;

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
        if (expect.errors() != null) {
            soft.assertThat(observed.errorFields()).as("%s fields named in the problem", label)
                    .containsAll(expect.errors());
        }
        soft.assertAll();
    }
}
