package dev.osprey.core.label;

import dev.osprey.core.json.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** How {@link LabelStore} reads its rows: the SELECTs and the mapping of result sets to records. */
final class LabelRows {
    private LabelRows() {
    }

    static final String JOB_SELECT = "SELECT j.id, j.name, j.task_type, j.classes_json, j.instructions, "
            + "j.annotations_per_item, j.created_at, (SELECT count(*) FROM label_item i WHERE i.job_id = j.id) FROM label_job j";
    static final String ANNOTATION_SELECT = "SELECT a.id, a.item_id, a.annotator, a.value_json, a.created_at, "
            + "a.duration_ms, a.source_kind, a.confidence, a.review_state FROM label_annotation a "
            + "JOIN label_item i ON i.id = a.item_id";

    static Optional<LabelJob> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(JOB_SELECT + " WHERE j.name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    static LabelJob job(ResultSet rs) throws SQLException {
        LabelJobSpec spec = new LabelJobSpec(rs.getString(2), LabelTaskType.valueOf(rs.getString(3)),
                classes(rs.getString(4)), rs.getString(5), rs.getInt(6));
        return new LabelJob(new LabelJobId(rs.getLong(1)), spec, Instant.parse(rs.getString(7)), rs.getLong(8));
    }

    static LabelJobSpec specOfItem(Connection c, long itemId) throws SQLException, LabelException {
        try (PreparedStatement ps = c.prepareStatement(JOB_SELECT + " WHERE j.id = (SELECT job_id FROM label_item WHERE id = ?)")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LabelException("there is no labeling item " + itemId);
                }
                return job(rs).spec();
            }
        }
    }

    static long itemCount(Connection c, long job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM label_item WHERE job_id = ?")) {
            ps.setLong(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<LabelItem> items(PreparedStatement ps) throws SQLException {
        List<LabelItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String gold = rs.getString(5);
                out.add(new LabelItem(rs.getLong(1), new LabelJobId(rs.getLong(2)), rs.getInt(3), rs.getString(4),
                        gold == null ? Optional.empty() : Optional.of(LabelValues.fromJson(gold))));
            }
        }
        return out;
    }

    static List<Annotation> annotations(PreparedStatement ps) throws SQLException {
        List<Annotation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double conf = rs.getDouble(8);
                OptionalDouble confidence = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(conf);
                out.add(new Annotation(rs.getLong(1), rs.getLong(2), rs.getString(3), LabelValues.fromJson(rs.getString(4)),
                        Instant.parse(rs.getString(5)), Duration.ofMillis(rs.getLong(6)),
                        AnnotationSource.valueOf(rs.getString(7)), confidence, ReviewState.valueOf(rs.getString(9))));
            }
        }
        return out;
    }

    static String classesJson(List<LabelClass> classes) {
        List<Object> out = new ArrayList<>();
        for (LabelClass k : classes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.name());
            m.put("color", k.color());
            if (k.hotkey() != null) {
                m.put("hotkey", k.hotkey());
            }
            out.add(m);
        }
        return Json.write(out);
    }

    static List<LabelClass> classes(String json) {
        List<LabelClass> out = new ArrayList<>();
        for (Object o : (List<?>) Json.parse(json)) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.add(new LabelClass((String) m.get("name"), (String) m.get("color"), (String) m.get("hotkey")));
        }
        return out;
    }

    static LabelStore.Progress progress(Connection c, LabelJob job) throws SQLException {
        long done;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT i.id FROM label_item i "
                + "JOIN label_annotation a ON a.item_id = i.id AND a.source_kind <> 'MACHINE' "
                + "WHERE i.job_id = ? GROUP BY i.id HAVING count(*) >= ?)")) {
            ps.setLong(1, job.id().value());
            ps.setInt(2, job.spec().annotationsPerItem());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                done = rs.getLong(1);
            }
        }
        Map<String, Long> per = new LinkedHashMap<>();
        long machine = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT a.annotator, a.source_kind, count(*) FROM label_annotation a "
                + "JOIN label_item i ON i.id = a.item_id WHERE i.job_id = ? GROUP BY 1, 2 ORDER BY 1")) {
            ps.setLong(1, job.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).equals(AnnotationSource.MACHINE.name())) {
                        machine += rs.getLong(3);
                    } else {
                        per.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    }
                }
            }
        }
        return new LabelStore.Progress(itemCount(c, job.id().value()), done, per, machine);
    }
}
