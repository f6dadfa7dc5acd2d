package dev.osprey.core.label;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** {@link LabelStore}'s writes of what is attached to an item besides annotations: gold, priority, a model's suggestion. */
final class ItemMarks {
    private ItemMarks() {
    }

    /** Sets (or with null clears) an item's gold answer, checked against its job first. */
    static Void setGold(Connection c, long itemId, LabelValue gold) throws SQLException, LabelException {
        LabelJobSpec spec = LabelRows.specOfItem(c, itemId);
        if (gold != null) {
            try {
                LabelValues.check(spec, gold);
            } catch (IllegalArgumentException e) {
                throw new LabelException(e.getMessage());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE label_item SET gold_json = ? WHERE id = ?")) {
            ps.setString(1, gold == null ? null : LabelValues.toJson(gold));
            ps.setLong(2, itemId);
            ps.executeUpdate();
        }
        return null;
    }

    static Void setPriorities(Connection c, Map<Long, Double> priorityByItem) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE label_item SET priority = ? WHERE id = ?")) {
            for (var e : priorityByItem.entrySet()) {
                ps.setDouble(1, e.getValue());
                ps.setLong(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }

    static Void setSuggestions(Connection c, Map<Long, LabelStore.Suggestion> byItem) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE label_item SET suggestion_json = ?, suggestion_confidence = ? WHERE id = ?")) {
            for (var e : byItem.entrySet()) {
                ps.setString(1, LabelValues.toJson(e.getValue().value()));
                ps.setDouble(2, e.getValue().confidence());
                ps.setLong(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return null;
    }

    static Optional<LabelStore.Suggestion> suggestion(Connection c, long itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT suggestion_json, suggestion_confidence FROM label_item WHERE id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(new LabelStore.Suggestion(LabelValues.fromJson(rs.getString(1)), rs.getDouble(2)));
            }
        }
    }

    static long suggestionCount(Connection c, long job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM label_item WHERE job_id = ? AND suggestion_json IS NOT NULL")) {
            ps.setLong(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
