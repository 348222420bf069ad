package uk.dmadvisor.service.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GOV.UK Frontend's stylesheet is served without the GDS Transport typeface, its assets from the webjar. */
class GovukStylesTest {

    @Test
    void dropsTheTransportTypefaceAndPointsAssetsIntoTheWebjar() {
        String css = new GovukStyles("5.14.0").stylesheet().getBody();
        assertThat(css).doesNotContain("GDS Transport", "/assets/fonts/").contains("font-family:arial,sans-serif")
                .contains(".govuk-button").doesNotContain("url(/assets/");
    }
}
