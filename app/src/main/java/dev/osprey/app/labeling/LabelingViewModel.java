package dev.osprey.app.labeling;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.label.ActiveLearning;
import dev.osprey.core.label.ConsolidatedLabel;
import dev.osprey.core.label.DatasetTexts;
import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelException;
import dev.osprey.core.label.LabelFormat;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelJobSpec;
import dev.osprey.core.label.LabelService;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.core.label.LabelsToModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The Labeling page's state: the workspace's jobs, the chosen job's summary (progress, agreement,
 * per-annotator figures, confidence histogram, review queue), the annotator's name, and the
 * actions. Catalog work runs on {@code io}; results come back on the UI executor.
 */
public final class LabelingViewModel {
    private final AppContext app;
    private final Executor io;
    private final ObservableList<LabelJob> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<LabelJob> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<JobSummary> summary = new SimpleObjectProperty<>(this, "summary");
    private final StringProperty annotator = new SimpleStringProperty(this, "annotator", System.getProperty("user.name", "me"));
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final PrelabelViewModel prelabel;

    public LabelingViewModel(AppContext app, Executor io) {
        this.app = app;
        this.io = io;
        this.prelabel = new PrelabelViewModel(app, io);
        selected.addListener((o, a, b) -> loadSummary());
    }

    /** Pre-labeling with a registered model, as a background job. */
    public PrelabelViewModel prelabel() {
        return prelabel;
    }

    /** The workspace's datasets, for "create from a dataset's text column". */
    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObservableList<LabelJob> jobs() {
        return jobs;
    }

    public ObjectProperty<LabelJob> selectedProperty() {
        return selected;
    }

    public ObjectProperty<JobSummary> summaryProperty() {
        return summary;
    }

    public StringProperty annotatorProperty() {
        return annotator;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public Engine engine() {
        return app.engine();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Engine engine) throws Exception;
    }

    private <T> CompletableFuture<T> background(String doing, Work<T> work) {
        Engine engine = app.engine();
        busy.set(true);
        message.set(doing);
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> {
            try {
                return work.run(engine);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io);
        return f.whenCompleteAsync((r, e) -> {
            busy.set(false);
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                message.set(cause.getMessage());
            } else {
                message.set("");
            }
        }, app.uiExecutor());
    }

    public CompletableFuture<List<LabelJob>> refresh() {
        long keep = selected.get() == null ? -1 : selected.get().id().value();
        CompletableFuture.supplyAsync(() -> {
            try {
                return app.engine().datasets().list().stream().map(d -> d.name()).toList();
            } catch (Exception e) {
                return List.<String>of();
            }
        }, io).thenAcceptAsync(datasets::setAll, app.uiExecutor());
        prelabel.refreshModels();
        return background("Reading labeling jobs…", e -> e.labeling().store().jobs()).thenApplyAsync(list -> {
            jobs.setAll(list);
            list.stream().filter(j -> j.id().value() == keep).findFirst().ifPresentOrElse(selected::set,
                    () -> selected.set(list.isEmpty() ? null : list.getFirst()));
            if (selected.get() != null && selected.get().id().value() == keep) {
                loadSummary();
            }
            return list;
        }, app.uiExecutor());
    }

    public CompletableFuture<JobSummary> loadSummary() {
        LabelJob job = selected.get();
        if (job == null) {
            summary.set(null);
            return CompletableFuture.completedFuture(null);
        }
        return background("Reading " + job.name() + "…", e -> {
            LabelService labels = e.labeling();
            LabelJob fresh = labels.store().require(job.name());
            List<ConsolidatedLabel> consolidated = new dev.osprey.core.label.Consolidator()
                    .consolidate(fresh, labels.allItems(fresh), labels.store().annotations(fresh.id()));
            return new JobSummary(fresh, labels.store().progress(fresh), labels.stats(fresh.name()), consolidated,
                    JobSummary.reviewQueue(consolidated), JobSummary.histogram(consolidated),
                    labels.store().suggestionCount(fresh.id()));
        }).thenApplyAsync(s -> {
            if (selected.get() != null && selected.get().id().equals(s.job().id())) {
                summary.set(s);
            }
            return s;
        }, app.uiExecutor());
    }

    /** Creates a job over a folder of images or a text file (one text per line). */
    public CompletableFuture<LabelJob> create(String name, LabelTaskType type, String classes, int perItem, Path source) {
        return background("Creating " + name + "…", e -> {
            List<String> sources = sources(type, source);
            String[] names = Stream.of(classes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
            return e.labeling().store().create(new LabelJobSpec(name, type, LabelClass.of(names), "", perItem), sources);
        }).thenCompose(j -> refresh().thenApply(l -> {
            selected.set(l.stream().filter(x -> x.id().equals(j.id())).findFirst().orElse(null));
            return j;
        }));
    }

    /** The columns of a dataset (empty when it cannot be read), for the create form's column choice. */
    public CompletableFuture<List<String>> columnsOf(String dataset) {
        Engine engine = app.engine();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.datasets().find(dataset).map(d -> d.columns().stream().map(c -> c.name()).toList()).orElse(List.of());
            } catch (Exception e) {
                return List.<String>of();
            }
        }, io).thenApplyAsync(l -> l, app.uiExecutor());
    }

    /** Creates a text job over a dataset's column (its non-blank values, in row order). */
    public CompletableFuture<LabelJob> createFromDataset(String name, LabelTaskType type, String classes, int perItem,
                                                         String dataset, String column) {
        return background("Creating " + name + "…", e -> {
            if (dataset == null || column == null) {
                throw new LabelException("choose the dataset and its text column first");
            }
            String[] names = Stream.of(classes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
            return DatasetTexts.create(e.labeling().store(), e.datasets(), new LabelJobSpec(name, type, LabelClass.of(names), "", perItem),
                    dataset, column).job();
        }).thenCompose(j -> refresh().thenApply(l -> {
            selected.set(l.stream().filter(x -> x.id().equals(j.id())).findFirst().orElse(null));
            return j;
        }));
    }

    /** The job owner marks an item's (consolidated or settled) answer as its gold, true label. */
    public CompletableFuture<String> markGold(ConsolidatedLabel item) {
        return background("Marking gold…", e -> {
            e.labeling().store().setGold(item.item().id(), item.value());
            return "Item #" + (item.item().position() + 1) + " is gold now; annotators are scored against it in the table above.";
        }).thenCompose(this::after);
    }

    public CompletableFuture<String> clearGold(ConsolidatedLabel item) {
        return background("Clearing gold…", e -> {
            e.labeling().store().clearGold(item.item().id());
            return "Item #" + (item.item().position() + 1) + " is no longer gold.";
        }).thenCompose(this::after);
    }

    /** The reviewer accepts an item's consolidated answer as it is (boxes, spans or classes). */
    public CompletableFuture<String> accept(ConsolidatedLabel item) {
        String reviewer = reviewer();
        return background("Saving the review…", e -> {
            e.labeling().store().review(item.item().id(), reviewer, item.value());
            return "Item #" + (item.item().position() + 1) + " accepted as consolidated by " + reviewer + ".";
        }).thenCompose(this::after);
    }

    /** The name reviews are recorded under: the annotator field, or "reviewer". */
    public String reviewer() {
        return annotator.get().strip().isEmpty() ? "reviewer" : annotator.get().strip();
    }

    /** Pre-labels the chosen job with {@code modelRef}; the summary is read again when it ends. */
    public CompletableFuture<String> prelabel(String modelRef) {
        LabelJob job = selected.get();
        // the outcome shows in the pre-label row (PrelabelViewModel.status), not twice
        return prelabel.start(job.name(), modelRef).thenCompose(line -> loadSummary().thenApply(x -> line));
    }

    private static List<String> sources(LabelTaskType type, Path source) throws IOException, LabelException {
        if (source == null) {
            throw new LabelException("choose the " + (type.textItems() ? "text file" : "image folder") + " first");
        }
        if (type.textItems()) {
            if (!Files.isRegularFile(source)) {
                throw new LabelException(source + " is not a file of texts");
            }
            return Files.readAllLines(source).stream().filter(l -> !l.isBlank()).toList();
        }
        if (!Files.isDirectory(source)) {
            throw new LabelException(source + " is not a folder of images");
        }
        try (Stream<Path> s = Files.list(source)) {
            List<String> out = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|bmp)$"))
                    .sorted().map(p -> p.toAbsolutePath().toString()).toList();
            if (out.isEmpty()) {
                throw new LabelException(source + " holds no images (jpg, png, gif, bmp)");
            }
            return out;
        }
    }

    public CompletableFuture<String> consolidate() {
        LabelJob job = selected.get();
        return background("Consolidating…", e -> {
            List<ConsolidatedLabel> out = e.labeling().consolidate(job.name());
            return "Consolidated " + out.size() + " items into " + e.workspace().labelingDir().resolve(job.name()).resolve("output.manifest");
        }).thenCompose(this::after);
    }

    public CompletableFuture<String> autoLabel() {
        LabelJob job = selected.get();
        return background("Training on the labels so far…", e -> {
            ActiveLearning.Report r = new ActiveLearning(e.labeling(), e.workspace().root()).run(job.name(), 0.95, 0.2, 42, JobContext.NONE);
            return r.threshold().isPresent()
                    ? String.format(Locale.ROOT, "Auto-labelled %d items (%.0f%% right on held-back labels); %d queued for people.",
                    r.autoLabelled(), 100 * r.heldOutAccuracy().getAsDouble(), r.queuedForPeople())
                    : "No confidence level reaches 95% yet: nothing auto-labelled; " + r.queuedForPeople() + " queued, least confident first.";
        }).thenCompose(this::after);
    }

    public CompletableFuture<String> trainModel() {
        LabelJob job = selected.get();
        return background("Training a model from the labels…", e -> {
            LabelsToModel.Outcome out = new LabelsToModel(e.workspace(), e.labeling(), e.datasets(), e.training())
                    .train(job.name(), "logistic_regression", JobContext.NONE);
            Double acc = out.result().metrics().get("accuracy");
            return "Trained run " + out.result().runId().value() + " on dataset " + out.dataset().name()
                    + (acc == null ? "" : String.format(Locale.ROOT, ": accuracy %.3f", acc))
                    + " (see Experiments; register it in Models to pre-label other jobs with it).";
        }).thenCompose(this::after);
    }

    /** The reviewer settles an item of a class job with class {@code k}; the summary is read again. */
    public CompletableFuture<String> review(ConsolidatedLabel item, int k) {
        LabelJob job = selected.get();
        String reviewer = reviewer();
        return background("Saving the review…", e -> {
            e.labeling().store().review(item.item().id(), reviewer, new dev.osprey.core.label.LabelValue.Classes(List.of(k)));
            return "Item #" + (item.item().position() + 1) + " settled as " + job.spec().classes().get(k).name() + " by " + reviewer + ".";
        }).thenCompose(this::after);
    }

    /** Exports into the job's folder under labeling/, named after the format. */
    public CompletableFuture<String> export(LabelFormat format) {
        LabelJob job = selected.get();
        return background("Exporting…", e -> {
            String name = switch (format) {
                case GROUNDTRUTH -> "export.manifest";
                case COCO -> "export-coco.json";
                case CSV -> "export.csv";
                case CONLL -> "export.conll";
                case YOLO -> "export-yolo";
                case VOC -> "export-voc";
            };
            Path out = e.workspace().labelingDir().resolve(job.name()).resolve(name);
            int n = e.labeling().export(job.name(), format, out);
            return "Exported " + n + " items to " + out;
        }).thenCompose(this::after);
    }

    private CompletableFuture<String> after(String done) {
        return loadSummary().thenApplyAsync(s -> {
            message.set(done);
            return done;
        }, app.uiExecutor());
    }
}
