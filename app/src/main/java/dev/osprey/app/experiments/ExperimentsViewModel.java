package dev.osprey.app.experiments;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.experiment.Experiment;
import dev.osprey.core.experiment.ExperimentId;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobEvent;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The Experiments page's state: the workspace's experiments, the runs of the chosen one (filtered
 * by text and status), the parameter and metric keys that become table columns, the selected
 * runs, one run's detail and a comparison of several. Catalog reads run on {@code io}; results
 * come back through the context's UI executor and are dropped when the workspace changed meanwhile.
 * The list is read again when a job ends, so a training finished elsewhere shows up here.
 */
public final class ExperimentsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentsViewModel.class);
    /** Parameters that are columns of their own (algorithm) or too long for one (the feature list). */
    private static final Set<String> NOT_PARAM_COLUMNS = Set.of("algorithm", "features");

    private final AppContext app;
    private final Executor io;
    private final ObservableList<ExperimentItem> experiments = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ExperimentItem> selectedExperiment = new ReadOnlyObjectWrapper<>(this, "selectedExperiment");
    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final FilteredList<RunRow> visibleRuns = new FilteredList<>(runs);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<RunStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ObservableList<String> paramKeys = FXCollections.observableArrayList();
    private final ObservableList<String> metricKeys = FXCollections.observableArrayList();
    private final ObservableList<RunRow> selectedRuns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunRow> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final StringProperty curveKey = new SimpleStringProperty(this, "curveKey");
    // One read-only view each, kept: listeners on a view that is thrown away would be collected with it.
    private final ObservableList<ExperimentItem> experimentsView;
    private final ObservableList<RunRow> runsView;
    private final ObservableList<String> paramKeysView;
    private final ObservableList<String> metricKeysView;
    private final ObservableList<RunRow> selectedRunsView;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding canCompare = Bindings.size(selectedRuns).greaterThanOrEqualTo(2);
    private final BooleanBinding workspaceOpen;
    private Map<ExperimentId, List<RunRow>> runsByExperiment = Map.of();
    private long generation;

    public ExperimentsViewModel(AppContext app, Executor io) {
        this.app = Objects.requireNonNull(app);
        this.io = Objects.requireNonNull(io);
        this.experimentsView = FXCollections.unmodifiableObservableList(experiments);
        this.runsView = FXCollections.unmodifiableObservableList(runs);
        this.paramKeysView = FXCollections.unmodifiableObservableList(paramKeys);
        this.metricKeysView = FXCollections.unmodifiableObservableList(metricKeys);
        this.selectedRunsView = FXCollections.unmodifiableObservableList(selectedRuns);
        this.workspaceOpen = Bindings.isNotNull(app.engineProperty());
        filter.addListener((o, a, b) -> applyFilter());
        statusFilter.addListener((o, a, b) -> applyFilter());
        app.engineProperty().addListener((o, before, after) -> {
            experiments.clear();
            runsByExperiment = Map.of();
            selectedExperiment.set(null);
            showRuns(List.of());
            refresh();
        });
        // Job events arrive on the job's thread; the refresh runs on the UI executor.
        app.jobs().addListener(event -> {
            if (event instanceof JobEvent.Succeeded || event instanceof JobEvent.Failed || event instanceof JobEvent.Cancelled) {
                app.uiExecutor().execute(this::refresh);
            }
        });
    }

    // --- state -------------------------------------------------------------------------------------

    public ObservableList<ExperimentItem> experiments() {
        return experimentsView;
    }

    public ReadOnlyObjectProperty<ExperimentItem> selectedExperimentProperty() {
        return selectedExperiment.getReadOnlyProperty();
    }

    /** Every run of the selected experiment, newest first. */
    public ObservableList<RunRow> runs() {
        return runsView;
    }

    /** The runs the filter lets through: what the table shows. */
    public ObservableList<RunRow> visibleRuns() {
        return visibleRuns;
    }

    /** Text matched against a run's name, status, algorithm and {@code param=value}. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Only runs with this status; null for all. */
    public ObjectProperty<RunStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** The union of the runs' parameter names, one table column each. */
    public ObservableList<String> paramKeys() {
        return paramKeysView;
    }

    /** The union of the runs' metric names (summary first), one table column each. */
    public ObservableList<String> metricKeys() {
        return metricKeysView;
    }

    public ObservableList<RunRow> selectedRuns() {
        return selectedRunsView;
    }

    /** The run whose parameters, metrics, tags and provenance are shown: the last one selected. */
    public ReadOnlyObjectProperty<RunRow> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The metric whose per-iteration curves the comparison chart draws. */
    public StringProperty curveKeyProperty() {
        return curveKey;
    }

    public BooleanBinding canCompareProperty() {
        return canCompare;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the runs could not be read or compared; empty when they could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding workspaceOpenProperty() {
        return workspaceOpen;
    }

    // --- actions -----------------------------------------------------------------------------------

    /** Reads experiments and runs again, keeping the chosen experiment and selected runs where they still exist. */
    public CompletableFuture<Void> refresh() {
        Engine engine = app.engine();
        long gen = ++generation;
        if (engine == null) {
            loading.set(false);
            return CompletableFuture.completedFuture(null);
        }
        loading.set(true);
        return CompletableFuture.supplyAsync(() -> read(engine.experiments()), io).handleAsync((read, failure) -> {
            if (gen != generation || engine != app.engine()) {
                return null;
            }
            loading.set(false);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.warn("Cannot read the runs of {}", engine.workspace().root(), cause);
                error.set("Cannot read the runs: " + cause.getMessage());
                return null;
            }
            error.set("");
            apply(read);
            return null;
        }, app.uiExecutor());
    }

    private record Snapshot(List<ExperimentItem> experiments, Map<ExperimentId, List<RunRow>> runs) {
    }

    private static Snapshot read(ExperimentStore store) {
        try {
            List<ExperimentItem> items = new ArrayList<>();
            Map<ExperimentId, List<RunRow>> byExperiment = new HashMap<>();
            for (Experiment e : store.experiments()) {
                List<RunRow> rows = store.runs(e.id()).stream().map(r -> new RunRow(r, e.name())).toList();
                byExperiment.put(e.id(), rows);
                items.add(new ExperimentItem(e, rows.size(), rows.stream().map(RunRow::started).max(Comparator.naturalOrder())));
            }
            items.sort(Comparator.comparing(ExperimentItem::activity).reversed());
            return new Snapshot(items, byExperiment);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private void apply(Snapshot read) {
        ExperimentItem before = selectedExperiment.get();
        runsByExperiment = read.runs();
        experiments.setAll(read.experiments());
        ExperimentItem again = before == null ? null : read.experiments().stream()
                .filter(i -> i.experiment().id().equals(before.experiment().id())).findFirst().orElse(null);
        if (again == null && !read.experiments().isEmpty()) {
            again = read.experiments().getFirst(); // the most recently active one
        }
        selectExperiment(again, before != null && again != null && before.experiment().id().equals(again.experiment().id()));
    }

    /** Reads the runs again, then shows {@code id}'s experiment with that run selected (Home's recent runs). */
    public CompletableFuture<Void> showRun(RunId id) {
        return refresh().thenRunAsync(() -> {
            for (ExperimentItem item : experiments) {
                RunRow row = runsByExperiment.getOrDefault(item.experiment().id(), List.of()).stream()
                        .filter(r -> r.id().equals(id)).findFirst().orElse(null);
                if (row != null) {
                    selectExperiment(item);
                    selectRuns(List.of(row));
                    return;
                }
            }
        }, app.uiExecutor());
    }

    /** Shows the runs of {@code item}. */
    public void selectExperiment(ExperimentItem item) {
        ExperimentItem before = selectedExperiment.get();
        boolean same = before != null && item != null && before.experiment().id().equals(item.experiment().id());
        selectExperiment(item, same);
    }

    private void selectExperiment(ExperimentItem item, boolean sameAsBefore) {
        selectedExperiment.set(item);
        if (!sameAsBefore) {
            comparison.set(null);
        }
        showRuns(item == null ? List.of() : runsByExperiment.getOrDefault(item.experiment().id(), List.of()));
    }

    private void showRuns(List<RunRow> rows) {
        Set<RunId> keep = new LinkedHashSet<>();
        selectedRuns.forEach(r -> keep.add(r.id()));
        List<String> params = new ArrayList<>(new java.util.TreeSet<>(rows.stream()
                .flatMap(r -> r.run().params().keySet().stream()).filter(k -> !NOT_PARAM_COLUMNS.contains(k)).toList()));
        List<String> metrics = MetricNames.ordered(rows.stream().flatMap(r -> r.run().metrics().keySet().stream())
                .filter(MetricNames::isColumn).collect(java.util.stream.Collectors.toSet()));
        // Replacing equal keys would rebuild the table's columns and lose the user's sort order.
        if (!params.equals(paramKeys)) {
            paramKeys.setAll(params);
        }
        if (!metrics.equals(metricKeys)) {
            metricKeys.setAll(metrics);
        }
        runs.setAll(rows);
        Map<RunId, RunRow> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        selectRuns(keep.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /** The runs the user selected in the table (order kept: the last one is the one in focus). */
    public void selectRuns(List<RunRow> rows) {
        List<RunRow> chosen = rows.stream().filter(Objects::nonNull).distinct().toList();
        if (!chosen.equals(selectedRuns)) {
            selectedRuns.setAll(chosen);
        }
        detail.set(chosen.isEmpty() ? null : chosen.getLast());
    }

    /** Compares the selected runs: their metrics side by side and every metric's history. */
    public CompletableFuture<Void> compare() {
        return compare(List.copyOf(selectedRuns));
    }

    CompletableFuture<Void> compare(List<RunRow> chosen) {
        Engine engine = app.engine();
        if (engine == null || chosen.size() < 2) {
            return CompletableFuture.completedFuture(null);
        }
        long gen = generation;
        return CompletableFuture.supplyAsync(() -> histories(engine.experiments(), chosen), io).handleAsync((h, failure) -> {
            if (engine != app.engine() || gen != generation && !sameRuns(chosen)) {
                return null;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                LOG.warn("Cannot compare runs {}", chosen, cause);
                error.set("Cannot compare the runs: " + cause.getMessage());
                return null;
            }
            Comparison c = Comparison.of(chosen, h);
            String key = curveKey.get();
            comparison.set(c);
            if (key == null || !c.curveKeys().contains(key)) {
                curveKey.set(c.curveKeys().isEmpty() ? null : c.curveKeys().getFirst());
            }
            return null;
        }, app.uiExecutor());
    }

    private boolean sameRuns(List<RunRow> chosen) {
        Set<RunId> ids = new LinkedHashSet<>();
        runs.forEach(r -> ids.add(r.id()));
        return chosen.stream().allMatch(r -> ids.contains(r.id()));
    }

    private static Map<RunId, Map<String, List<MetricPoint>>> histories(ExperimentStore store, List<RunRow> chosen) {
        try {
            Map<RunId, Map<String, List<MetricPoint>>> out = new LinkedHashMap<>();
            for (RunRow r : chosen) {
                Map<String, List<MetricPoint>> byKey = new LinkedHashMap<>();
                for (String key : store.metricKeys(r.id())) {
                    byKey.put(key, store.history(r.id(), key));
                }
                out.put(r.id(), byKey);
            }
            return out;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Leaves the comparison (back to the single run's detail). */
    public void closeComparison() {
        comparison.set(null);
    }

    private void applyFilter() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        RunStatus status = statusFilter.get();
        if (needle.isEmpty() && status == null) {
            visibleRuns.setPredicate(null);
        } else {
            visibleRuns.setPredicate(r -> (status == null || r.status() == status) && (needle.isEmpty() || r.matches(needle)));
        }
    }
}
