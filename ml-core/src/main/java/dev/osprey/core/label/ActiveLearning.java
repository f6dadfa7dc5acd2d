package dev.osprey.core.label;

import dev.osprey.core.job.JobContext;
import smile.classification.LogisticRegression;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * One round of the active-learning loop on a single-label classification job: train a
 * regularised logistic regression on the human labels so far (TF-IDF or image features), hold a
 * share of those labels back, and pick the lowest confidence threshold at which the model's
 * answers on the held-back labels are at least {@code targetAccuracy} right. Unlabelled items the
 * model is that confident about are auto-labelled (marked machine-made, with the confidence);
 * the rest are queued for people least confident first, each with the model's guess stored as a
 * suggestion to accept (recorded as model-assisted) or fix.
 */
public final class ActiveLearning {
    public static final String AUTO_LABELER = "auto-labeler";
    private static final int MIN_LABELS = 20;
    private static final int MIN_CALIBRATION = 10;

    private final LabelService service;
    private final Path workspaceRoot;

    public ActiveLearning(LabelService service, Path workspaceRoot) {
        this.service = service;
        this.workspaceRoot = workspaceRoot;
    }

    /** What one round did: how it was trained and checked, the threshold found (if any), what it labelled and queued. */
    public record Report(int trainedOn, int heldOut, OptionalDouble threshold, OptionalDouble heldOutAccuracy,
                         int heldOutCovered, int autoLabelled, int queuedForPeople) {
    }

    public Report run(String jobName, double targetAccuracy, double holdOutShare, long seed, JobContext context)
            throws LabelException {
        if (!(targetAccuracy > 0 && targetAccuracy <= 1) || !(holdOutShare > 0 && holdOutShare < 1)) {
            throw new LabelException("target accuracy must be in (0, 1] and the held-back share in (0, 1)");
        }
        LabelStore store = service.store();
        LabelJob job = store.require(jobName);
        LabelTaskType type = job.spec().type();
        if (type != LabelTaskType.IMAGE_CLASSIFICATION && type != LabelTaskType.TEXT_CLASSIFICATION) {
            throw new LabelException("active learning needs a single-label classification job; '" + jobName + "' is " + type);
        }
        List<LabelItem> items = service.allItems(job);
        List<Annotation> annotations = store.annotations(job.id());
        List<Annotation> human = annotations.stream().filter(a -> a.source() != AnnotationSource.MACHINE).toList();
        Map<Long, Integer> truth = new HashMap<>();
        for (ConsolidatedLabel c : new Consolidator().consolidate(job, items, human)) {
            truth.put(c.item().id(), ((LabelValue.Classes) c.value()).classes().getFirst());
        }
        long classesSeen = truth.values().stream().distinct().count();
        if (truth.size() < MIN_LABELS || classesSeen < 2) {
            throw new LabelException("label at least " + MIN_LABELS + " items of at least 2 classes first (job '" + jobName
                    + "' has " + truth.size() + " labelled items of " + classesSeen + " classes)");
        }
        context.progress(0, "Computing features");
        double[][] x = ItemFeatures.of(job, items, workspaceRoot, context);
        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            row.put(items.get(i).id(), i);
        }
        List<Long> labelled = new ArrayList<>(truth.keySet());
        Collections.sort(labelled);
        Collections.shuffle(labelled, new Random(seed));
        int holdOut = Math.max(MIN_CALIBRATION, (int) Math.round(labelled.size() * holdOutShare));
        List<Long> calibration = labelled.subList(0, holdOut);
        List<Long> training = labelled.subList(holdOut, labelled.size());

        // Smile wants classes 0..m-1 with every one present: map the job's classes seen in training
        List<Integer> present = training.stream().map(truth::get).distinct().sorted().toList();
        if (present.size() < 2) {
            throw new LabelException("the training share of job '" + jobName + "' has one class only; label more items");
        }
        double[][] tx = new double[training.size()][];
        int[] ty = new int[training.size()];
        for (int i = 0; i < training.size(); i++) {
            tx[i] = x[row.get(training.get(i))];
            ty[i] = present.indexOf(truth.get(training.get(i)));
        }
        context.checkCancelled();
        context.progress(0.6, "Training on " + training.size() + " labels");
        LogisticRegression model = LogisticRegression.fit(tx, ty, new LogisticRegression.Options(0.01, 1e-5, 500));

        // calibrate: the most confident held-back answers first; keep the largest prefix that meets the target
        List<double[]> scored = new ArrayList<>(); // confidence, right (1/0)
        for (Long id : calibration) {
            double[] p = new double[present.size()];
            int k = model.predict(x[row.get(id)], p);
            scored.add(new double[]{p[k], present.get(k).equals(truth.get(id)) ? 1 : 0});
        }
        scored.sort((a, b) -> Double.compare(b[0], a[0]));
        double threshold = Double.NaN;
        double accuracyAt = Double.NaN;
        int covered = 0;
        double right = 0;
        for (int i = 0; i < scored.size(); i++) {
            right += scored.get(i)[1];
            double acc = right / (i + 1);
            if (i + 1 >= MIN_CALIBRATION && acc >= targetAccuracy) {
                threshold = scored.get(i)[0];
                accuracyAt = acc;
                covered = i + 1;
            }
        }

        context.progress(0.8, "Scoring unlabelled items");
        Map<Long, Double> priorities = new LinkedHashMap<>();
        Map<Long, LabelStore.Suggestion> suggestions = new LinkedHashMap<>();
        int auto = 0;
        java.util.Set<Long> touched = new java.util.HashSet<>();
        annotations.forEach(a -> touched.add(a.itemId()));
        for (LabelItem item : items) {
            if (touched.contains(item.id())) {
                continue;
            }
            context.checkCancelled();
            double[] p = new double[present.size()];
            int k = model.predict(x[row.get(item.id())], p);
            if (!Double.isNaN(threshold) && p[k] >= threshold) {
                store.submit(item.id(), AUTO_LABELER, new LabelValue.Classes(List.of(present.get(k))), Duration.ZERO,
                        AnnotationSource.MACHINE, OptionalDouble.of(p[k]));
                auto++;
            } else {
                priorities.put(item.id(), 1.0 - p[k]);
                suggestions.put(item.id(), new LabelStore.Suggestion(new LabelValue.Classes(List.of(present.get(k))), p[k]));
            }
        }
        store.setPriorities(priorities);
        store.setSuggestions(suggestions);
        context.progress(1, "Auto-labelled " + auto + ", queued " + priorities.size() + " for people");
        return new Report(training.size(), calibration.size(),
                Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold),
                Double.isNaN(accuracyAt) ? OptionalDouble.empty() : OptionalDouble.of(accuracyAt),
                covered, auto, priorities.size());
    }
}
