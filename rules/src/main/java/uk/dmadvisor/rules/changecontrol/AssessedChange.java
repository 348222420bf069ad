package uk.dmadvisor.rules.changecontrol;

import java.util.Set;

/**
 * One change with what the per-change decision model concluded about it (scope, route, variation type, severity),
 * for the rules that reason over the results of the whole request.
 */
public class AssessedChange {

    private final int index;
    private final String id;
    private final String subject;
    private final Set<String> siteIds;
    private final String scope;
    private final String route;
    private final String variationType;
    private final int severity;

    public AssessedChange(int index, String id, String subject, Set<String> siteIds, String scope, String route,
                          String variationType, int severity) {
        this.index = index;
        this.id = id;
        this.subject = subject;
        this.siteIds = Set.copyOf(siteIds);
        this.scope = scope;
        this.route = route;
        this.variationType = variationType;
        this.severity = severity;
    }

    public int getIndex() {
        return index;
    }

    public String getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public Set<String> getSiteIds() {
        return siteIds;
    }

    public String getScope() {
        return scope;
    }

    public String getRoute() {
        return route;
    }

    public String getVariationType() {
        return variationType;
    }

    public int getSeverity() {
        return severity;
    }
}
