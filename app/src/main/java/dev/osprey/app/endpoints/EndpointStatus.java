package dev.osprey.app.endpoints;

/** What the Endpoints page shows for an endpoint's server. */
public enum EndpointStatus {
    STARTING("starting"), READY("ready"), FAILED("failed"), STOPPED("stopped");

    private final String text;

    EndpointStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
