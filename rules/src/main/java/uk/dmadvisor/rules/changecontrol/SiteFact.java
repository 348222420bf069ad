package uk.dmadvisor.rules.changecontrol;

/** A site of the hub's network as the request describes it. {@code index} is its position in the request. */
public class SiteFact {

    private final int index;
    private final String id;
    private final String role;
    private final String status;

    public SiteFact(int index, String id, String role, String status) {
        this.index = index;
        this.id = id;
        this.role = role;
        this.status = status;
    }

    public int getIndex() {
        return index;
    }

    public String getId() {
        return id;
    }

    public String getRole() {
        return role;
    }

    public String getStatus() {
        return status;
    }
}
