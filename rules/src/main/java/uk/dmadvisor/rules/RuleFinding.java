package uk.dmadvisor.rules;

import java.util.List;

/**
 * What a fired DRL rule reports. A CONTRADICTION makes the request unprocessable (HTTP 422); an ADVISORY is
 * returned beside the decisions without changing them; a HINT suggests how to handle the outcome (for example
 * grouping variations); a CONCLUSION is a request-level result such as the strictest route across all changes.
 *
 * @param field     the request field concerned, as a JSON path such as {@code pointOfCare.shelfLifeMinutes}, or null
 * @param changeIds the changes the finding concerns (empty when none)
 * @param siteIds   the sites the finding concerns (empty when none)
 */
public record RuleFinding(String ruleId, Kind kind, String field, String message, String citation, String basis,
                          List<String> changeIds, List<String> siteIds) {

    public enum Kind { CONTRADICTION, ADVISORY, HINT, CONCLUSION }
}
