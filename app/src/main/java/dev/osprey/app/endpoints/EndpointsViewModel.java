package dev.osprey.app.endpoints;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.deploy.EndpointConfig;
import dev.osprey.core.deploy.EndpointRecord;
import dev.osprey.core.deploy.EndpointState;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.server.launch.RunningServer;
import dev.osprey.server.launch.ServedModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The Endpoints page's state: the deploy form, the endpoints of the open workspace with their
 * servers' status and traffic, and the "try it" panel of the chosen one ({@link TryItModel}).
 * Server starts, stops and swaps run on {@code io}; results come back on the context's UI
 * executor. Endpoints left running are started again when a workspace opens, and every server
 * is stopped when the workspace closes (also when the studio closes).
 */
public final class EndpointsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointsViewModel.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    private final AppContext app;
    private final Executor io;
    private final Executor ui;
    private final EndpointServers servers;
    private final TrafficPoller poller;
    private final DeployForm form = new DeployForm();
    private final ObservableList<EndpointRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EndpointRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final TryItModel tryIt;
    private final BatchPanelModel batch;
    private volatile Engine current;
    private final DeployChoices choices;

    public EndpointsViewModel(AppContext app, Executor io, ServerStarter starter) {
        this.app = Objects.requireNonNull(app);
        this.io = Objects.requireNonNull(io);
        this.ui = app.uiExecutor();
        this.servers = new EndpointServers(starter);
        this.poller = new TrafficPoller(servers, ui);
        this.tryIt = new TryItModel(app, io);
        this.batch = new BatchPanelModel(app, form);
        this.choices = new DeployChoices(form, io, ui, () -> current, this::fail);
        form.modelProperty().addListener((o, a, m) -> choices.loadVersions(m));
        selected.addListener((o, a, row) -> tryIt.show(row));
        app.engineProperty().addListener((o, before, after) -> workspaceChanged(after));
        workspaceChanged(app.engine());
    }

    // --- state -------------------------------------------------------------------------------------

    public DeployForm form() {
        return form;
    }

    public ObservableList<EndpointRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<EndpointRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Chooses an endpoint; the form follows its model, so its versions are the ones to swap to. */
    public void select(EndpointRow row) {
        selected.set(row);
        if (row != null) {
            preselect(row.config().model(), row.config().version());
        }
    }

    /** The last failed action's reason (a bad form value, a registry error); empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public TryItModel tryIt() {
        return tryIt;
    }

    public BatchPanelModel batch() {
        return batch;
    }

    /** The running servers (tests reach a process through it). */
    EndpointServers servers() {
        return servers;
    }

    public boolean workspaceOpen() {
        return current != null;
    }

    // --- actions -----------------------------------------------------------------------------------



    /** Reads the registered models for the form (when the page is shown). */
    public void refresh() {
        choices.refresh();
    }

    /** Fills the form with a model version (the Models page's "Deploy…"). */
    public void preselect(String model, int version) {
        choices.preselect(model, version);
    }

    /** Saves the form as an endpoint and starts its server. */
    public void deploy() {
        Engine e = current;
        EndpointConfig config;
        try {
            config = form.toConfig();
        } catch (IllegalArgumentException ex) {
            error.set(ex.getMessage());
            return;
        }
        Optional<EndpointRow> existing = find(config);
        if (existing.isPresent() && isUp(existing.get())) {
            error.set("The endpoint '" + config.name() + "' is " + existing.get().status().text()
                    + "; stop it first or give the new one another name.");
            return;
        }
        if (e == null) {
            error.set("Open a workspace first.");
            return;
        }
        error.set("");
        Optional<String> token = form.token();
        EndpointRow row = existing.orElseGet(() -> new EndpointRow(config));
        row.setConfig(config);
        if (existing.isEmpty()) {
            rows.add(row);
            rows.sort(Comparator.comparing(r -> r.name().value()));
        }
        selected.set(row);
        row.setStatus(EndpointStatus.STARTING);
        io.execute(() -> {
            try {
                e.endpoints().save(config, EndpointState.RUNNING);
                if (token.isPresent()) {
                    e.endpoints().saveToken(config.name(), token.get());
                }
                ui.execute(() -> start(row));
            } catch (Exception ex) {
                ui.execute(() -> row.setStatus(EndpointStatus.FAILED));
                fail("Cannot save the endpoint", ex);
            }
        });
    }

    /** Starts a stopped or failed endpoint again. */
    public void restart(EndpointRow row) {
        if (isUp(row)) {
            return;
        }
        start(row);
    }

    /** Stops the endpoint's server; it stays listed (and is not restored when the workspace reopens). */
    public void stop(EndpointRow row) {
        Engine e = current;
        poller.unwatch(row.name());
        row.setStatus(EndpointStatus.STOPPED);
        row.setUrl("");
        io.execute(() -> {
            servers.stop(row.name(), STOP_GRACE);
            record(e, row, EndpointState.STOPPED, null);
        });
    }

    /** Stops the endpoint if needed and forgets it. */
    public void remove(EndpointRow row) {
        Engine e = current;
        poller.unwatch(row.name());
        rows.remove(row);
        if (selected.get() == row) {
            selected.set(rows.isEmpty() ? null : rows.getFirst());
        }
        io.execute(() -> {
            servers.stop(row.name(), STOP_GRACE);
            try {
                e.endpoints().remove(row.name());
            } catch (Exception ex) {
                fail("Cannot remove the endpoint", ex);
            }
        });
    }

    /** Serves another version of the same model in the running server, without dropping a request. */
    public void swap(EndpointRow row, int version) {
        Engine e = current;
        EndpointConfig c = row.config();
        if (e == null || row.status() != EndpointStatus.READY || c.version() == version) {
            return;
        }
        io.execute(() -> {
            try {
                ModelVersion v = e.registry().version(c.model(), version);
                servers.swap(row.name(), ServedModel.of(e.registry(), v));
                e.endpoints().setVersion(row.name(), version);
                ui.execute(() -> {
                    row.setConfig(c.withVersion(version));
                    row.addError("now serving " + c.model() + " v" + version);
                    if (selected.get() == row) {
                        tryIt.show(row);
                    }
                });
            } catch (Exception ex) {
                fail("Cannot swap to version " + version, ex);
            }
        });
    }

    // --- server life cycle -------------------------------------------------------------------------

    private void start(EndpointRow row) {
        Engine e = current;
        if (e == null) {
            return;
        }
        EndpointConfig c = row.config();
        row.setStatus(EndpointStatus.STARTING);
        row.setMessage("");
        row.resetTraffic();
        io.execute(() -> {
            RunningServer server = null;
            try {
                ModelVersion v = e.registry().version(c.model(), c.version());
                Optional<String> token = c.hasToken() ? e.endpoints().token(c.name()) : Optional.empty();
                server = servers.start(e.workspace().root(), c, ServedModel.of(e.registry(), v), token);
                if (current != e) { // the workspace closed while the server started
                    servers.stop(c.name(), CLOSE_GRACE);
                    return;
                }
                if (server.port() != c.port()) {
                    e.endpoints().setPort(c.name(), server.port());
                }
                e.endpoints().setState(c.name(), EndpointState.RUNNING, null);
                RunningServer s = server;
                s.onExit().thenAccept(code -> exited(e, row, s, code));
                ui.execute(() -> {
                    row.setConfig(c.withPort(s.port()));
                    row.setUrl(s.baseUri().toString());
                    row.setStatus(EndpointStatus.READY);
                    poller.watch(row);
                    if (selected.get() == row) {
                        tryIt.show(row);
                    }
                });
            } catch (Exception ex) {
                String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                LOG.info("Endpoint {} did not start: {}", c.name(), why);
                record(e, row, EndpointState.FAILED, why);
                ui.execute(() -> {
                    row.setMessage(why);
                    row.setStatus(EndpointStatus.FAILED);
                });
            }
        });
    }

    /** A server ended: a crash unless this studio stopped it on purpose. */
    private void exited(Engine e, EndpointRow row, RunningServer server, int code) {
        if (!servers.isManaged(row.name(), server)) {
            return;
        }
        servers.stop(row.name(), Duration.ZERO);
        String why = "The server exited with code " + code + "." + LogTail.of(server.logFile());
        record(e, row, EndpointState.FAILED, why);
        ui.execute(() -> {
            poller.unwatch(row.name());
            row.setUrl("");
            row.setMessage(why);
            row.setStatus(EndpointStatus.FAILED);
            row.addError("server exited with code " + code);
        });
    }

    private void workspaceChanged(Engine next) {
        // Servers belong to the workspace they serve from: stop them (they stay RUNNING in its
        // catalog, so they come back when it reopens). Blocking, but bounded: the studio is closing
        // or switching, and a server must not outlive it.
        poller.unwatchAll();
        servers.stopAll(CLOSE_GRACE);
        current = next;
        rows.clear();
        selected.set(null);
        form.models().clear();
        form.versions().clear();
        form.modelProperty().set(null);
        error.set("");
        if (next == null) {
            return;
        }
        refresh();
        io.execute(() -> {
            try {
                List<EndpointRecord> stored = next.endpoints().list();
                ui.execute(() -> {
                    if (current != next) {
                        return;
                    }
                    for (EndpointRecord r : stored) {
                        EndpointRow row = new EndpointRow(r.config());
                        row.setStatus(r.state() == EndpointState.FAILED ? EndpointStatus.FAILED : EndpointStatus.STOPPED);
                        row.setMessage(r.message().orElse(""));
                        rows.add(row);
                        if (r.state() == EndpointState.RUNNING) {
                            start(row);
                        }
                    }
                    if (!rows.isEmpty()) {
                        selected.set(rows.getFirst());
                    }
                });
            } catch (Exception ex) {
                fail("Cannot read the endpoints of this workspace", ex);
            }
        });
    }


    private Optional<EndpointRow> find(EndpointConfig c) {
        return rows.stream().filter(r -> r.name().equals(c.name())).findFirst();
    }

    private static boolean isUp(EndpointRow r) {
        return r.status() == EndpointStatus.READY || r.status() == EndpointStatus.STARTING;
    }

    private void record(Engine e, EndpointRow row, EndpointState state, String message) {
        if (e == null || current != e) {
            return;
        }
        try {
            e.endpoints().setState(row.name(), state, message);
        } catch (Exception ex) {
            LOG.warn("Cannot record the state of endpoint {}", row.name(), ex);
        }
    }

    private void fail(String what, Exception ex) {
        LOG.warn(what, ex);
        String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        ui.execute(() -> error.set(what + ": " + m));
    }

    /** Stops every server and the poller (tests; the studio stops them when the workspace closes). */
    public void close() {
        poller.close();
        servers.close();
    }
}
