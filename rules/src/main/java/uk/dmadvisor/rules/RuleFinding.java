package uk.dmadvisor.rules;

/**
 * What a fired DRL rule reports. A CONTRADICTION makes the request unprocessable (HTTP 422); an ADVISORY is
 * returned beside the decisions without changing them.
 *
 * @param field the request field concerned, as a JSON path such as {@code pointOfCare.shelfLifeMinutes}, or null
 */
public record RuleFinding(String ruleId, Kind kind, String field, String message, String citation, String basis) {

    public enum Kind { CONTRADICTION, ADVISORY }
}
