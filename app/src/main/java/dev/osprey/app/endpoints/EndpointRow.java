package dev.osprey.app.endpoints;

import dev.osprey.core.deploy.EndpointConfig;
import dev.osprey.core.deploy.EndpointName;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * One endpoint as the page shows it: its configuration, status, URL, the failure and log tail of
 * a failed server, its traffic over the last minutes and its recent errors. Changed only on the
 * UI thread (by {@link EndpointsViewModel}).
 */
public final class EndpointRow {
    static final int MAX_POINTS = 180;
    static final int MAX_ERRORS = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final EndpointName name;
    private final ObjectProperty<EndpointConfig> config = new SimpleObjectProperty<>(this, "config");
    private final ObjectProperty<EndpointStatus> status = new SimpleObjectProperty<>(this, "status", EndpointStatus.STOPPED);
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty stats = new SimpleStringProperty(this, "stats", "");
    private final ObservableList<TrafficPoint> traffic = FXCollections.observableArrayList();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    long lastRequests = -1;
    long lastErrors = -1;
    long lastPollNanos;

    EndpointRow(EndpointConfig config) {
        this.name = config.name();
        this.config.set(Objects.requireNonNull(config));
    }

    public EndpointName name() {
        return name;
    }

    public ReadOnlyObjectProperty<EndpointConfig> configProperty() {
        return config;
    }

    public EndpointConfig config() {
        return config.get();
    }

    void setConfig(EndpointConfig c) {
        config.set(c);
    }

    public ReadOnlyObjectProperty<EndpointStatus> statusProperty() {
        return status;
    }

    public EndpointStatus status() {
        return status.get();
    }

    void setStatus(EndpointStatus s) {
        status.set(s);
    }

    /** {@code http://127.0.0.1:PORT/} while the server runs; empty otherwise. */
    public ReadOnlyStringProperty urlProperty() {
        return url;
    }

    public String url() {
        return url.get();
    }

    void setUrl(String u) {
        url.set(u == null ? "" : u);
    }

    /** Why the server failed, with the last lines of its log; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public String message() {
        return message.get();
    }

    void setMessage(String m) {
        message.set(m == null ? "" : m);
    }

    /** "12.0 req/s · p50 0.4 ms · p99 1.2 ms · 3 errors" from the latest poll. */
    public ReadOnlyStringProperty statsProperty() {
        return stats;
    }

    void setStats(String s) {
        stats.set(s);
    }

    public ObservableList<TrafficPoint> traffic() {
        return traffic;
    }

    void addTraffic(TrafficPoint p) {
        traffic.add(p);
        if (traffic.size() > MAX_POINTS) {
            traffic.remove(0, traffic.size() - MAX_POINTS);
        }
    }

    /** Newest first. */
    public ObservableList<String> errors() {
        return errors;
    }

    void addError(String text) {
        errors.addFirst(TIME.format(LocalTime.now()) + "  " + text);
        if (errors.size() > MAX_ERRORS) {
            errors.remove(MAX_ERRORS, errors.size());
        }
    }

    void resetTraffic() {
        traffic.clear();
        stats.set("");
        lastRequests = -1;
        lastErrors = -1;
    }

    List<String> describe() {
        EndpointConfig c = config.get();
        return List.of(c.model() + " v" + c.version(), status.get().text());
    }

    @Override
    public String toString() {
        return name + " (" + String.join(", ", describe()) + ")";
    }
}
