package uk.dmadvisor.service.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.dmadvisor.api.model.ChangeAssessmentRequest;
import uk.dmadvisor.service.changecontrol.LargeNetworkFixture;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** Validation still cascades into the request's objects, but not into its enum values. */
class EnumsAreLeavesTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().traversableResolver(new EnumsAreLeaves())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aMissingFieldInsideAChangeIsStillFound() {
        ChangeAssessmentRequest request = LargeNetworkFixture.request(3, 2);
        request.getChanges().get(1).setSubject(null);
        Set<ConstraintViolation<ChangeAssessmentRequest>> violations = validator.validate(request);
        assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactly("changes[1].subject");
    }

    @Test
    void twoThousandChangesValidateWithoutRevisitingSharedEnumConstants() {
        ChangeAssessmentRequest request = LargeNetworkFixture.request(2000, 2);
        Set<ConstraintViolation<ChangeAssessmentRequest>> violations =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> validator.validate(request));
        assertThat(violations).isEmpty();
    }
}
