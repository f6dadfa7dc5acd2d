package dev.osprey.core.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job owner's gold items: items whose true label the owner knows, against which each
 * annotator's accuracy is measured ({@link LabelStats.AnnotatorFigures#accuracyVsGold()}). Gold is
 * set one item at a time (by its 1-based number in the job) or from a labelled file in any exchange
 * format, matched to the job's items by source; the file is checked whole before anything is set.
 */
public final class GoldItems {
    private final LabelService labels;

    public GoldItems(LabelService labels) {
        this.labels = labels;
    }

    /** Marks item number {@code number} (1-based, as the dashboard shows it) as gold with {@code value}. */
    public LabelItem mark(String jobName, int number, LabelValue value) throws LabelException {
        LabelItem item = itemNumber(jobName, number);
        labels.store().setGold(item.id(), value);
        return labels.store().item(item.id());
    }

    /** Marks item {@code number} as gold with the named classes (a class job). */
    public LabelItem markClasses(String jobName, int number, List<String> classNames) throws LabelException {
        LabelJob job = labels.store().require(jobName);
        if (job.spec().type() == LabelTaskType.BOUNDING_BOX || job.spec().type() == LabelTaskType.NAMED_ENTITY) {
            throw new LabelException("job '" + jobName + "' labels " + (job.spec().type() == LabelTaskType.BOUNDING_BOX
                    ? "boxes" : "spans") + ": give its gold answers as a file (--file) or mark a reviewed item in the dashboard");
        }
        List<Integer> ks = new ArrayList<>();
        for (String name : classNames) {
            try {
                ks.add(job.spec().classIndex(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new LabelException(e.getMessage() + " (its classes: "
                        + job.spec().classes().stream().map(LabelClass::name).toList() + ")");
            }
        }
        return mark(jobName, number, new LabelValue.Classes(ks.stream().distinct().sorted().toList()));
    }

    /** Removes the gold answer of item {@code number}. */
    public void clear(String jobName, int number) throws LabelException {
        labels.store().clearGold(itemNumber(jobName, number).id());
    }

    /** Sets gold from a labelled file; every record must name an item of the job. Returns how many items were marked. */
    public int importFile(String jobName, LabelFormat format, Path file) throws LabelException {
        LabelJob job = labels.store().require(jobName);
        LabelSet set = format.read(file);
        if (set.type() != job.spec().type()) {
            throw new LabelException(file.getFileName() + " holds " + set.type() + " labels; job '" + jobName + "' is "
                    + job.spec().type());
        }
        int[] map = new int[set.classNames().size()];
        for (int i = 0; i < map.length; i++) {
            String name = set.classNames().get(i);
            if (job.spec().classes().stream().noneMatch(c -> c.name().equals(name))) {
                throw new LabelException(file.getFileName() + " uses class '" + name + "', which job '" + jobName + "' does not have");
            }
            map[i] = job.spec().classIndex(name);
        }
        Map<String, Long> bySource = new HashMap<>();
        for (LabelItem item : labels.allItems(job)) {
            bySource.putIfAbsent(item.source(), item.id());
        }
        Map<Long, LabelValue> gold = new HashMap<>();
        for (LabelRecord r : set.records()) {
            Long id = bySource.get(r.source());
            if (id == null) {
                throw new LabelException(file.getFileName() + ": '" + shorten(r.source()) + "' is not an item of job '" + jobName
                        + "'; gold answers are for the job's own items");
            }
            LabelValue v = LabelService.remap(r.value(), map);
            try {
                LabelValues.check(job.spec(), v);
            } catch (IllegalArgumentException e) {
                throw new LabelException(file.getFileName() + ": '" + shorten(r.source()) + "': " + e.getMessage());
            }
            gold.put(id, v);
        }
        for (var e : gold.entrySet()) {
            labels.store().setGold(e.getKey(), e.getValue());
        }
        return gold.size();
    }

    /** The job's gold items, in order. */
    public List<LabelItem> list(String jobName) throws LabelException {
        return labels.allItems(labels.store().require(jobName)).stream().filter(i -> i.gold().isPresent()).toList();
    }

    private LabelItem itemNumber(String jobName, int number) throws LabelException {
        LabelJob job = labels.store().require(jobName);
        if (number < 1 || number > job.items()) {
            throw new LabelException("job '" + jobName + "' has items 1.." + job.items() + "; there is no item " + number);
        }
        List<LabelItem> page = labels.store().items(job.id(), number - 1, 1);
        if (page.isEmpty()) {
            throw new LabelException("job '" + jobName + "' has no item " + number);
        }
        return page.getFirst();
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "…" : one;
    }
}
