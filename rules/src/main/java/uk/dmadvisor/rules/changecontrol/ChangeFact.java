package uk.dmadvisor.rules.changecontrol;

import java.util.Set;

/**
 * One proposed change with what the per-change decision model concluded about it (scope, route, variation
 * category, severity), for the rules that reason over the whole request.
 */
public class ChangeFact {

    private final int index;
    private final String id;
    private final String category;
    private final Set<String> siteIds;
    private final String withinMasterFile;
    private final String withinAuthorisation;
    private final String qualityImpact;
    private final boolean comparabilityDataNeeded;
    private final boolean iaConditionsMet;
    private final String scope;
    private final String route;
    private final String variationCategory;
    private final int severity;

    public ChangeFact(int index, String id, String category, Set<String> siteIds, String withinMasterFile,
                      String withinAuthorisation, String qualityImpact, boolean comparabilityDataNeeded,
                      boolean iaConditionsMet, String scope, String route, String variationCategory, int severity) {
        this.index = index;
        this.id = id;
        this.category = category;
        this.siteIds = Set.copyOf(siteIds);
        this.withinMasterFile = withinMasterFile;
        this.withinAuthorisation = withinAuthorisation;
        this.qualityImpact = qualityImpact;
        this.comparabilityDataNeeded = comparabilityDataNeeded;
        this.iaConditionsMet = iaConditionsMet;
        this.scope = scope;
        this.route = route;
        this.variationCategory = variationCategory;
        this.severity = severity;
    }

    public int getIndex() {
        return index;
    }

    public String getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public Set<String> getSiteIds() {
        return siteIds;
    }

    public String getWithinMasterFile() {
        return withinMasterFile;
    }

    public String getWithinAuthorisation() {
        return withinAuthorisation;
    }

    public String getQualityImpact() {
        return qualityImpact;
    }

    public boolean isComparabilityDataNeeded() {
        return comparabilityDataNeeded;
    }

    public boolean isIaConditionsMet() {
        return iaConditionsMet;
    }

    public String getScope() {
        return scope;
    }

    public String getRoute() {
        return route;
    }

    public String getVariationCategory() {
        return variationCategory;
    }

    public int getSeverity() {
        return severity;
    }
}
