package dev.osprey.core.label;

import dev.osprey.core.workspace.Catalog;
import dev.osprey.core.workspace.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Labeling jobs, their items and annotations in the workspace catalog. Every submit is one
 * transaction that also clears the annotator's draft of that item: once {@link #submit} returns,
 * the annotation survives a killed studio. Thread-safe (the catalog serialises its connection).
 */
public final class LabelStore {
    private final Catalog catalog;

    public LabelStore(Workspace workspace) {
        this.catalog = workspace.catalog();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, LabelException;
    }

    private <T> T tx(Work<T> work) throws LabelException {
        try {
            return catalog.inTransaction(c -> {
                try {
                    return work.run(c);
                } catch (LabelException e) {
                    throw new SQLException(e.getMessage(), "LABEL", e);
                }
            });
        } catch (SQLException e) {
            if (e.getCause() instanceof LabelException le) {
                throw le;
            }
            throw new LabelException("the labeling catalog could not be updated: " + e.getMessage(), e);
        }
    }

    /** Creates a job over {@code sources} (image paths or texts), in that order. */
    public LabelJob create(LabelJobSpec spec, List<String> sources) throws LabelException {
        return tx(c -> {
            if (LabelRows.find(c, spec.name()).isPresent()) {
                throw new LabelException("a labeling job named '" + spec.name() + "' already exists");
            }
            Instant now = Instant.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_job(name, task_type, classes_json, "
                    + "instructions, annotations_per_item, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, spec.name());
                ps.setString(2, spec.type().name());
                ps.setString(3, LabelRows.classesJson(spec.classes()));
                ps.setString(4, spec.instructions());
                ps.setInt(5, spec.annotationsPerItem());
                ps.setString(6, now.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            insertItems(c, id, 0, sources);
            return new LabelJob(new LabelJobId(id), spec, now, sources.size());
        });
    }

    /** Appends items to a job. */
    public void addItems(LabelJobId job, List<String> sources) throws LabelException {
        tx(c -> {
            int start;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(max(position) + 1, 0) FROM label_item WHERE job_id = ?")) {
                ps.setLong(1, job.value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    start = rs.getInt(1);
                }
            }
            insertItems(c, job.value(), start, sources);
            return null;
        });
    }

    private static void insertItems(Connection c, long job, int start, List<String> sources) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO label_item(job_id, position, source) VALUES (?, ?, ?)")) {
            for (int i = 0; i < sources.size(); i++) {
                ps.setLong(1, job);
                ps.setInt(2, start + i);
                ps.setString(3, sources.get(i));
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    public List<LabelJob> jobs() throws LabelException {
        return tx(c -> {
            List<LabelJob> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LabelRows.JOB_SELECT + " ORDER BY j.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(LabelRows.job(rs));
                }
            }
            return out;
        });
    }

    public Optional<LabelJob> job(String name) throws LabelException {
        return tx(c -> LabelRows.find(c, name));
    }

    public LabelJob require(String name) throws LabelException {
        return job(name).orElseThrow(() -> new LabelException("there is no labeling job named '" + name + "'"));
    }

    /** Deletes a job with its items and annotations. */
    public void delete(LabelJobId job) throws LabelException {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM label_job WHERE id = ?")) {
                ps.setLong(1, job.value());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<LabelItem> items(LabelJobId job, int offset, int limit) throws LabelException {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, job_id, position, source, gold_json FROM label_item "
                    + "WHERE job_id = ? ORDER BY position LIMIT ? OFFSET ?")) {
                ps.setLong(1, job.value());
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                return LabelRows.items(ps);
            }
        });
    }

    public LabelItem item(long itemId) throws LabelException {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, job_id, position, source, gold_json FROM label_item WHERE id = ?")) {
                ps.setLong(1, itemId);
                List<LabelItem> found = LabelRows.items(ps);
                if (found.isEmpty()) {
                    throw new LabelException("there is no labeling item " + itemId);
                }
                return found.getFirst();
            }
        });
    }

    /**
     * The next items {@code annotator} should label: not labelled by them yet, still short of the
     * job's annotations per item (machine labels do not count), highest priority first (active
     * learning raises the least confident), then in order.
     */
    public List<LabelItem> queue(LabelJob job, String annotator, int limit) throws LabelException {
        checkAnnotator(annotator);
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.job_id, i.position, i.source, i.gold_json "
                    + "FROM label_item i WHERE i.job_id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM label_annotation a WHERE a.item_id = i.id AND a.annotator = ?) "
                    + "AND (SELECT count(*) FROM label_annotation a WHERE a.item_id = i.id AND a.source_kind <> 'MACHINE') < ? "
                    + "ORDER BY i.priority DESC, i.position LIMIT ?")) {
                ps.setLong(1, job.id().value());
                ps.setString(2, annotator);
                ps.setInt(3, job.spec().annotationsPerItem());
                ps.setInt(4, limit);
                return LabelRows.items(ps);
            }
        });
    }

    /** Records an answer durably and clears the annotator's draft of the item, in one transaction. */
    public Annotation submit(long itemId, String annotator, LabelValue value, Duration took, AnnotationSource source,
                             OptionalDouble confidence) throws LabelException {
        checkAnnotator(annotator);
        return tx(c -> {
            LabelJobSpec spec = LabelRows.specOfItem(c, itemId);
            try {
                LabelValues.check(spec, value);
            } catch (IllegalArgumentException e) {
                throw new LabelException(e.getMessage());
            }
            Instant now = Instant.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_annotation(item_id, annotator, value_json, "
                    + "created_at, duration_ms, source_kind, confidence) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, itemId);
                ps.setString(2, annotator);
                ps.setString(3, LabelValues.toJson(value));
                ps.setString(4, now.toString());
                ps.setLong(5, Math.max(0, took.toMillis()));
                ps.setString(6, source.name());
                if (confidence.isPresent()) {
                    ps.setDouble(7, confidence.getAsDouble());
                } else {
                    ps.setNull(7, java.sql.Types.REAL);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM label_draft WHERE item_id = ? AND annotator = ?")) {
                ps.setLong(1, itemId);
                ps.setString(2, annotator);
                ps.executeUpdate();
            }
            return new Annotation(id, itemId, annotator, value, now, took, source, confidence, ReviewState.NONE);
        });
    }

    public Annotation submit(long itemId, String annotator, LabelValue value, Duration took) throws LabelException {
        return submit(itemId, annotator, value, took, AnnotationSource.HUMAN, OptionalDouble.empty());
    }

    /** Keeps the item in hand, unfinished, so a crash does not lose it. */
    public void saveDraft(long itemId, String annotator, LabelValue value) throws LabelException {
        checkAnnotator(annotator);
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_draft(item_id, annotator, value_json, saved_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT(item_id, annotator) DO UPDATE SET value_json = excluded.value_json, "
                    + "saved_at = excluded.saved_at")) {
                ps.setLong(1, itemId);
                ps.setString(2, annotator);
                ps.setString(3, LabelValues.toJson(value));
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<LabelValue> draft(long itemId, String annotator) throws LabelException {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT value_json FROM label_draft WHERE item_id = ? AND annotator = ?")) {
                ps.setLong(1, itemId);
                ps.setString(2, annotator);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(LabelValues.fromJson(rs.getString(1))) : Optional.<LabelValue>empty();
                }
            }
        });
    }

    /** Every annotation of the job, by item position then time. */
    public List<Annotation> annotations(LabelJobId job) throws LabelException {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(LabelRows.ANNOTATION_SELECT
                    + " WHERE i.job_id = ? ORDER BY i.position, a.id")) {
                ps.setLong(1, job.value());
                return LabelRows.annotations(ps);
            }
        });
    }

    public List<Annotation> annotationsOf(long itemId) throws LabelException {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(LabelRows.ANNOTATION_SELECT + " WHERE a.item_id = ? ORDER BY a.id")) {
                ps.setLong(1, itemId);
                return LabelRows.annotations(ps);
            }
        });
    }

    /** A reviewer accepts an annotation as it is. */
    public void accept(long annotationId) throws LabelException {
        setReview(annotationId, ReviewState.ACCEPTED);
    }

    /** A reviewer replaces an annotation: the old one is marked corrected, the reviewer's answer is added. */
    public Annotation correct(long annotationId, String reviewer, LabelValue value) throws LabelException {
        long item = tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id FROM label_annotation WHERE id = ?")) {
                ps.setLong(1, annotationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new LabelException("there is no annotation " + annotationId);
                    }
                    return rs.getLong(1);
                }
            }
        });
        setReview(annotationId, ReviewState.CORRECTED);
        Annotation added = submit(item, reviewer, value, Duration.ZERO);
        setReview(added.id(), ReviewState.ACCEPTED);
        return added;
    }

    /**
     * A reviewer settles an item: their answer is stored as an accepted annotation, which
     * consolidation takes over the others'. Earlier answers stay as they were, for the figures.
     */
    public Annotation review(long itemId, String reviewer, LabelValue value) throws LabelException {
        Annotation added = submit(itemId, reviewer, value, Duration.ZERO);
        setReview(added.id(), ReviewState.ACCEPTED);
        return new Annotation(added.id(), added.itemId(), added.annotator(), added.value(), added.at(), added.took(),
                added.source(), added.confidence(), ReviewState.ACCEPTED);
    }

    private void setReview(long annotationId, ReviewState state) throws LabelException {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE label_annotation SET review_state = ? WHERE id = ?")) {
                ps.setString(1, state.name());
                ps.setLong(2, annotationId);
                if (ps.executeUpdate() == 0) {
                    throw new LabelException("there is no annotation " + annotationId);
                }
            }
            return null;
        });
    }

    /** Marks the owner's known answer for an item (gold), used to score annotators. */
    public void setGold(long itemId, LabelValue gold) throws LabelException {
        tx(c -> ItemMarks.setGold(c, itemId, gold));
    }

    /** Removes an item's gold answer. */
    public void clearGold(long itemId) throws LabelException {
        tx(c -> ItemMarks.setGold(c, itemId, null));
    }

    /** Sets queue priorities (higher first), e.g. the model's uncertainty for active learning. */
    public void setPriorities(Map<Long, Double> priorityByItem) throws LabelException {
        tx(c -> ItemMarks.setPriorities(c, priorityByItem));
    }

    /** A model's proposed answer for an item, shown to the annotator to accept or fix. */
    public record Suggestion(LabelValue value, double confidence) {
    }

    /** Stores model suggestions (replacing earlier ones for those items). */
    public void setSuggestions(Map<Long, Suggestion> byItem) throws LabelException {
        tx(c -> ItemMarks.setSuggestions(c, byItem));
    }

    public Optional<Suggestion> suggestion(long itemId) throws LabelException {
        return tx(c -> ItemMarks.suggestion(c, itemId));
    }

    /** How many of the job's items carry a model suggestion. */
    public long suggestionCount(LabelJobId job) throws LabelException {
        return tx(c -> ItemMarks.suggestionCount(c, job.value()));
    }

    /** Items with at least the job's number of human annotations, and the total. */
    public record Progress(long items, long done, Map<String, Long> perAnnotator, long machineLabelled) {
    }

    public Progress progress(LabelJob job) throws LabelException {
        return tx(c -> LabelRows.progress(c, job));
    }

    private static void checkAnnotator(String annotator) throws LabelException {
        if (annotator == null || annotator.isBlank() || annotator.length() > 64) {
            throw new LabelException("an annotator needs a name of 1-64 characters");
        }
    }
}
