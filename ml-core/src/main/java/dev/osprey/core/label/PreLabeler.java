package dev.osprey.core.label;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.registry.ModelRegistry;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.Prediction;
import dev.osprey.core.train.SignatureColumn;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.workspace.Workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model assistance: a registered model's predictions stored as suggestions on the items people
 * still have to label, so the labeling panel shows them pre-selected to accept (Enter) or change.
 * Only a model made by "train a model from these labels" ({@link LabelsToModel}) can do it: it
 * sees feature columns, and only such a model has its feature extractor (the TF-IDF vocabulary
 * or the image features) recorded with its training run. Other models are refused with the reason.
 */
public final class PreLabeler {
    private static final int BATCH = 256;

    private final Workspace workspace;
    private final LabelService labels;
    private final ModelRegistry registry;

    public PreLabeler(Workspace workspace, LabelService labels, ModelRegistry registry) {
        this.workspace = workspace;
        this.labels = labels;
        this.registry = registry;
    }

    /** What a run did: which model version, how many items got a suggestion, how many were already labelled, per class. */
    public record Report(ModelVersion model, int suggested, int alreadyLabelled, Map<String, Integer> perClass) {
    }

    /**
     * Suggests a class for every item that still needs human annotations. {@code modelRef} is
     * {@code NAME} (the latest version), {@code NAME:VERSION} or {@code NAME:ALIAS}. Suggestions are
     * written batch by batch, so a cancelled run keeps those already made.
     */
    public Report run(String jobName, String modelRef, JobContext context) throws LabelException {
        LabelJob job = labels.store().require(jobName);
        LabelTaskType type = job.spec().type();
        if (type == LabelTaskType.BOUNDING_BOX || type == LabelTaskType.NAMED_ENTITY) {
            throw new LabelException("job '" + jobName + "' is " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": a registered model suggests classes only; bring a detector's or tagger's output in as suggestions"
                    + " with 'osprey label prelabel --job " + jobName + " --from FILE --format ...' instead");
        }
        context.progress(0, "Loading " + modelRef);
        ModelVersion version = resolve(modelRef);
        LabelFeatures features = extractorOf(version, type);
        TrainedModel model;
        try {
            model = registry.load(version.name(), version.version());
        } catch (RegistryException e) {
            throw new LabelException(e.getMessage(), e);
        }
        if (!model.signature().problemType().isClassification()) {
            throw new LabelException("model " + version + " is a " + model.signature().problemType()
                    + " model; pre-labeling needs a classifier");
        }
        Map<String, Integer> classOf = new HashMap<>();
        for (String label : model.signature().classLabels()) {
            int k = indexOf(job, label);
            if (k < 0) {
                throw new LabelException("model " + version + " predicts class '" + label + "', which job '" + jobName
                        + "' does not have (its classes: " + job.spec().classes().stream().map(LabelClass::name).toList() + ")");
            }
            classOf.put(label, k);
        }
        // the model may have dropped constant columns: every input it takes must be one of the extractor's
        Map<String, Integer> featureIndex = new HashMap<>();
        for (int i = 0; i < features.columns().size(); i++) {
            featureIndex.put(features.columns().get(i), i);
        }
        List<SignatureColumn> inputs = model.signature().inputs();
        int[] pick = new int[inputs.size()];
        for (int i = 0; i < pick.length; i++) {
            Integer f = featureIndex.get(inputs.get(i).name());
            if (f == null) {
                throw new LabelException("model " + version + " takes column '" + inputs.get(i).name()
                        + "', which its recorded feature extractor does not make; retrain it from the labels");
            }
            pick[i] = f;
        }

        List<LabelItem> open = openItems(job);
        int already = (int) job.items() - open.size();
        Map<String, Integer> perClass = new TreeMap<>();
        int done = 0;
        Path root = workspace.root();
        for (int start = 0; start < open.size(); start += BATCH) {
            context.checkCancelled();
            List<LabelItem> batch = open.subList(start, Math.min(open.size(), start + BATCH));
            double[][] rows = new double[batch.size()][];
            for (int i = 0; i < rows.length; i++) {
                double[] x = features.of(batch.get(i), root);
                Object[] row = new Object[pick.length];
                for (int j = 0; j < pick.length; j++) {
                    row[j] = x[pick[j]];
                }
                rows[i] = model.encode(row);
            }
            Prediction[] predicted = model.predictEncoded(rows);
            Map<Long, LabelStore.Suggestion> suggestions = new LinkedHashMap<>();
            for (int i = 0; i < predicted.length; i++) {
                String label = predicted[i].label().orElseThrow();
                suggestions.put(batch.get(i).id(), new LabelStore.Suggestion(
                        new LabelValue.Classes(List.of(classOf.get(label))), predicted[i].value()));
                perClass.merge(label, 1, Integer::sum);
            }
            labels.store().setSuggestions(suggestions);
            done += batch.size();
            context.progress((double) done / open.size(), "Suggested " + done + " of " + open.size() + " items");
        }
        return new Report(version, done, already, perClass);
    }

    /**
     * Stores another tool's predictions as suggestions: a file in any exchange format (boxes from a
     * detector, spans from a tagger, classes), matched to the job's items by source. Read and
     * checked whole before anything is written. Returns how many items got a suggestion.
     */
    public int fromFile(String jobName, LabelFormat format, Path file) throws LabelException {
        LabelJob job = labels.store().require(jobName);
        LabelSet set = format.read(file);
        if (set.type() != job.spec().type()
                && !(set.type().textItems() == job.spec().type().textItems() && !isRegions(set.type()) && !isRegions(job.spec().type()))) {
            throw new LabelException(file.getFileName() + " holds " + set.type() + " labels; job '" + jobName + "' is "
                    + job.spec().type());
        }
        int[] map = new int[set.classNames().size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = indexOf(job, set.classNames().get(i));
            if (map[i] < 0) {
                throw new LabelException(file.getFileName() + " uses class '" + set.classNames().get(i) + "', which job '"
                        + jobName + "' does not have");
            }
        }
        Map<String, Long> bySource = new HashMap<>();
        for (LabelItem item : labels.allItems(job)) {
            bySource.putIfAbsent(item.source(), item.id());
        }
        Map<Long, LabelStore.Suggestion> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (LabelRecord r : set.records()) {
            Long id = bySource.get(r.source());
            if (id == null) {
                unknown.add(r.source());
                continue;
            }
            out.put(id, new LabelStore.Suggestion(LabelService.remap(r.value(), map), r.confidence()));
        }
        if (out.isEmpty()) {
            throw new LabelException(file.getFileName() + " names none of job '" + jobName + "''s items (first source: '"
                    + (unknown.isEmpty() ? "" : unknown.getFirst()) + "')");
        }
        labels.store().setSuggestions(out);
        return out.size();
    }

    private static boolean isRegions(LabelTaskType t) {
        return t == LabelTaskType.BOUNDING_BOX || t == LabelTaskType.NAMED_ENTITY;
    }

    private static int indexOf(LabelJob job, String className) {
        List<LabelClass> classes = job.spec().classes();
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).name().equals(className)) {
                return i;
            }
        }
        return -1;
    }

    /** Items that still need human answers (machine labels do not count), in order. */
    private List<LabelItem> openItems(LabelJob job) throws LabelException {
        Map<Long, Integer> human = new HashMap<>();
        for (Annotation a : labels.store().annotations(job.id())) {
            if (a.source() != AnnotationSource.MACHINE) {
                human.merge(a.itemId(), 1, Integer::sum);
            }
        }
        return labels.allItems(job).stream()
                .filter(i -> human.getOrDefault(i.id(), 0) < job.spec().annotationsPerItem()).toList();
    }

    /** NAME, NAME:VERSION or NAME:ALIAS to a registered version, with the registry's message when there is none. */
    ModelVersion resolve(String ref) throws LabelException {
        if (ref == null || ref.isBlank()) {
            throw new LabelException("name the model as NAME or NAME:VERSION");
        }
        String r = ref.strip();
        int colon = r.lastIndexOf(':');
        String name = colon < 0 ? r : r.substring(0, colon);
        String which = colon < 0 ? "" : r.substring(colon + 1);
        try {
            if (which.isEmpty()) {
                return registry.versions(name).getFirst();
            }
            return which.chars().allMatch(Character::isDigit) ? registry.version(name, Integer.parseInt(which))
                    : registry.resolve(name, which);
        } catch (RegistryException e) {
            throw new LabelException(e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new LabelException("'" + which + "' is not a version number");
        }
    }

    private LabelFeatures extractorOf(ModelVersion version, LabelTaskType type) throws LabelException {
        if (version.run().isEmpty()) {
            throw new LabelException("model " + version + " was imported from an archive without its training run, so "
                    + "nothing records how it turns items into features; pre-labeling needs a model trained from labels here"
                    + " ('Train a model from these labels' or osprey label train)");
        }
        LabelFeatures f = LabelFeatures.load(LabelFeatures.fileFor(workspace.labelingDir(), version.run().get().value()))
                .orElseThrow(() -> new LabelException("model " + version + " was not trained from labels: it reads table columns,"
                        + " and only a model made by 'Train a model from these labels' (osprey label train) records the"
                        + " feature extractor (TF-IDF for texts, image features for images) that pre-labeling needs"
                        + " (a model trained from labels before extractors were recorded: train it again)"));
        boolean textJob = type.textItems();
        if ((f.kind() == LabelFeatures.Kind.TEXT_TFIDF) != textJob) {
            throw new LabelException("model " + version + " was trained on " + (textJob ? "images" : "texts")
                    + " and cannot pre-label a job of " + (textJob ? "texts" : "images"));
        }
        return f;
    }
}
