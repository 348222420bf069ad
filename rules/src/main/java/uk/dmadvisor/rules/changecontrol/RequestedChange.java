package uk.dmadvisor.rules.changecontrol;

import java.util.Set;

import uk.dmadvisor.api.model.Change;

/**
 * One change as the request states it, before any model has run, with its position in the request so that a
 * finding can name the field ({@code changes[3].siteFunction}). The request-level consistency rules match on it.
 */
public class RequestedChange {

    private final int index;
    private final Change change;

    public RequestedChange(int index, Change change) {
        this.index = index;
        this.change = change;
    }

    public int getIndex() {
        return index;
    }

    public Change getChange() {
        return change;
    }

    public String getId() {
        return change.getId();
    }

    public String getSubject() {
        return change.getSubject().getValue();
    }

    public String getAction() {
        return change.getAction().getValue();
    }

    public Set<String> getSiteIds() {
        return change.getSiteIds();
    }

    /** The field path of a property of this change, for a finding. */
    public String field(String property) {
        return "changes[" + index + "]." + property;
    }
}
