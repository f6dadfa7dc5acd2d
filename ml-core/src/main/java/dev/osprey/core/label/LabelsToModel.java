package dev.osprey.core.label;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import dev.osprey.core.train.TrainingService;
import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Workspace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * "Train a model from these labels": a classification job's consolidated labels become a
 * dataset of features (TF-IDF columns for texts, thumbnail and colour-histogram columns for
 * images) plus a {@code label} column, and a training run on it in the experiment
 * {@code labeling-JOB}. The dataset is named {@code JOB_labels} (suffixed when taken).
 */
public final class LabelsToModel {
    private final Workspace workspace;
    private final LabelService labels;
    private final DatasetService datasets;
    private final TrainingService training;

    public LabelsToModel(Workspace workspace, LabelService labels, DatasetService datasets, TrainingService training) {
        this.workspace = workspace;
        this.labels = labels;
        this.datasets = datasets;
        this.training = training;
    }

    public record Outcome(Dataset dataset, TrainingResult result) {
    }

    public Outcome train(String jobName, String algorithm, JobContext context) throws LabelException {
        LabelJob job = labels.store().require(jobName);
        LabelTaskType type = job.spec().type();
        if (type != LabelTaskType.IMAGE_CLASSIFICATION && type != LabelTaskType.TEXT_CLASSIFICATION) {
            throw new LabelException("a model can be trained from single-label classification jobs; '" + jobName + "' is " + type);
        }
        List<ConsolidatedLabel> consolidated = labels.consolidate(jobName);
        if (consolidated.size() < 10 || consolidated.stream().map(c -> c.value()).distinct().count() < 2) {
            throw new LabelException("job '" + jobName + "' needs at least 10 labelled items of 2 classes to train a model (has "
                    + consolidated.size() + ")");
        }
        List<LabelItem> items = consolidated.stream().map(ConsolidatedLabel::item).toList();
        LabelFeatures features = LabelFeatures.fit(job, items);
        double[][] x = features.matrix(items, workspace.root(), context);
        List<String> columns = features.columns();
        Path csv;
        try {
            csv = Files.createTempFile(workspace.root(), AtomicFiles.TEMP_PREFIX, ".csv");
        } catch (IOException e) {
            throw new LabelException("cannot write the features file: " + e.getMessage(), e);
        }
        try {
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                w.write(String.join(",", columns));
                w.write(",label\n");
                for (int i = 0; i < x.length; i++) {
                    StringBuilder sb = new StringBuilder();
                    for (double v : x[i]) {
                        sb.append(v == 0 ? "0" : String.format(Locale.ROOT, "%.6g", v)).append(',');
                    }
                    String name = job.spec().classes().get(((LabelValue.Classes) consolidated.get(i).value()).classes().getFirst()).name();
                    sb.append('"').append(name.replace("\"", "\"\"")).append("\"\n");
                    w.write(sb.toString());
                }
            }
            context.progress(0.6, "Importing the features as a dataset");
            Dataset dataset = datasets.importFile(new ImportRequest(csv, freeName(jobName + "_labels"), null, StorageMode.COPY),
                    JobContext.NONE);
            context.progress(0.7, "Training " + algorithm);
            TrainingResult result = training.train(TrainingRequest.of(dataset.id(), "label", algorithm)
                    .withExperiment("labeling-" + jobName), context);
            // the model sees only columns: record how items become them, so it can pre-label new items (PreLabeler)
            features.save(LabelFeatures.fileFor(workspace.labelingDir(), result.runId().value()));
            return new Outcome(dataset, result);
        } catch (IOException e) {
            throw new LabelException("cannot write the features file: " + e.getMessage(), e);
        } catch (DataException | TrainingException e) {
            throw new LabelException(e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException ignored) {
                // the workspace sweeps temporaries on the next open
            }
        }
    }

    private String freeName(String base) throws LabelException {
        String name = base.replaceAll("[^A-Za-z0-9_\\-]", "_");
        if (!Character.isLetter(name.charAt(0))) {
            name = "job_" + name;
        }
        try {
            String candidate = name;
            for (int i = 2; datasets.find(candidate).isPresent(); i++) {
                candidate = name + "_" + i;
            }
            return candidate;
        } catch (DataException e) {
            throw new LabelException(e.getMessage(), e);
        }
    }
}
