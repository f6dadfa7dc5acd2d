package dev.osprey.core.label;

import dev.osprey.core.workspace.Workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The labeling capability's public face: jobs and annotations ({@link #store()}), consolidation,
 * agreement figures, and import/export in the exchange formats. Consolidated labels are also
 * written to {@code labeling/JOB/output.manifest} so other tools can read them.
 */
public final class LabelService {
    private static final int PAGE = 10_000;

    private final Workspace workspace;
    private final LabelStore store;

    public LabelService(Workspace workspace) {
        this.workspace = workspace;
        this.store = new LabelStore(workspace);
    }

    public LabelStore store() {
        return store;
    }

    public List<LabelItem> allItems(LabelJob job) throws LabelException {
        List<LabelItem> out = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<LabelItem> page = store.items(job.id(), offset, PAGE);
            out.addAll(page);
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    /** One label per annotated item, and the job's output manifest rewritten. */
    public List<ConsolidatedLabel> consolidate(String jobName) throws LabelException {
        LabelJob job = store.require(jobName);
        List<ConsolidatedLabel> labels = new Consolidator().consolidate(job, allItems(job), store.annotations(job.id()));
        LabelFormat.GROUNDTRUTH.write(toSet(job, labels), job.name(),
                workspace.labelingDir().resolve(job.name()).resolve("output.manifest"));
        return labels;
    }

    public LabelStats stats(String jobName) throws LabelException {
        LabelJob job = store.require(jobName);
        List<LabelItem> items = allItems(job);
        List<Annotation> annotations = store.annotations(job.id());
        return LabelStats.of(job, items, annotations, new Consolidator().consolidate(job, items, annotations));
    }

    /** Writes the job's consolidated labels in {@code format}. */
    public int export(String jobName, LabelFormat format, Path out) throws LabelException {
        LabelJob job = store.require(jobName);
        List<ConsolidatedLabel> labels = new Consolidator().consolidate(job, allItems(job), store.annotations(job.id()));
        format.write(toSet(job, labels), job.name(), out);
        return labels.size();
    }

    /**
     * Reads a labelled file into a job: a new job takes the file's task and classes; an existing
     * one must be of the same task and know every class. Each label becomes an annotation by
     * {@code annotator} (machine-made when the file says it was not human-annotated); labels for
     * sources the job already has attach to those items, so several annotators' files merge.
     * The file is read and checked whole before anything is written.
     */
    public LabelJob importFile(String jobName, LabelFormat format, Path file, String annotator) throws LabelException {
        LabelSet set = format.read(file);
        LabelJob job = store.job(jobName).orElse(null);
        int[] classMap = new int[set.classNames().size()];
        if (job == null) {
            job = store.create(new LabelJobSpec(jobName, set.type(), LabelClass.of(set.classNames().toArray(String[]::new)),
                    "Imported from " + file.getFileName(), 1), List.of());
            for (int i = 0; i < classMap.length; i++) {
                classMap[i] = i;
            }
        } else {
            if (job.spec().type() != set.type()) {
                throw new LabelException(file.getFileName() + " holds " + set.type() + " labels; job '" + jobName
                        + "' is " + job.spec().type());
            }
            for (int i = 0; i < classMap.length; i++) {
                String name = set.classNames().get(i);
                if (job.spec().classes().stream().noneMatch(c -> c.name().equals(name))) {
                    throw new LabelException(file.getFileName() + " uses class '" + name + "', which job '" + jobName
                            + "' does not have");
                }
                classMap[i] = job.spec().classIndex(name);
            }
        }
        // labels for items the job already has attach to them (matched by source); new sources become new items
        Map<String, Long> existing = new HashMap<>();
        for (LabelItem item : allItems(job)) {
            existing.putIfAbsent(item.source(), item.id());
        }
        List<String> fresh = set.records().stream().map(LabelRecord::source).filter(src -> !existing.containsKey(src))
                .distinct().toList();
        if (!fresh.isEmpty()) {
            store.addItems(job.id(), fresh);
            for (LabelItem item : allItems(store.require(jobName))) {
                existing.putIfAbsent(item.source(), item.id());
            }
        }
        List<Long> added = set.records().stream().map(r -> existing.get(r.source())).toList();
        for (int i = 0; i < set.records().size(); i++) {
            LabelRecord r = set.records().get(i);
            store.submit(added.get(i), annotator, remap(r.value(), classMap), Duration.ZERO,
                    r.humanAnnotated() ? AnnotationSource.HUMAN : AnnotationSource.MACHINE, OptionalDouble.of(r.confidence()));
        }
        return store.require(jobName);
    }

    static LabelValue remap(LabelValue v, int[] map) {
        return switch (v) {
            case LabelValue.Classes c -> new LabelValue.Classes(c.classes().stream().map(k -> map[k]).toList());
            case LabelValue.Boxes b -> new LabelValue.Boxes(b.boxes().stream()
                    .map(x -> new Box(x.left(), x.top(), x.width(), x.height(), map[x.label()])).toList(),
                    b.imageWidth(), b.imageHeight());
            case LabelValue.Spans s -> new LabelValue.Spans(s.spans().stream()
                    .map(x -> new Span(x.start(), x.end(), map[x.label()])).toList());
        };
    }

    static LabelSet toSet(LabelJob job, List<ConsolidatedLabel> labels) {
        List<LabelRecord> records = labels.stream()
                .map(l -> new LabelRecord(l.item().source(), l.value(), l.confidence(), l.humanAnnotated())).toList();
        return new LabelSet(job.spec().type(), job.spec().classes().stream().map(LabelClass::name).toList(), records);
    }
}
