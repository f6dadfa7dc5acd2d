package dev.osprey.core.wrangle;

import dev.osprey.core.data.DatasetId;
import dev.osprey.core.workspace.Catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named recipes in the workspace catalog. Saving never changes a version: it adds the next one,
 * holding the steps and their fitted values as JSON. Also records which recipe version made a dataset.
 */
public final class RecipeStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\- ]{0,99}");
    private static final String VERSION_COLUMNS = "v.id, r.name, v.version, v.body, v.source_dataset_id, v.source_name,"
            + " v.created_at";

    private final Catalog catalog;

    RecipeStore(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Adds the next version of the recipe {@code name} (creating the recipe at version 1). */
    public RecipeVersion save(String name, FittedRecipe fitted, DatasetId source, String sourceName) throws WrangleException {
        checkName(name);
        String body = StepCodec.write(fitted);
        try {
            return catalog.inTransaction(c -> {
                long recipeId = recipeId(c, name);
                int next;
                try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) + 1 FROM recipe_version WHERE recipe_id = ?")) {
                    ps.setLong(1, recipeId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        next = rs.getInt(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO recipe_version (recipe_id, version, body,"
                        + " source_dataset_id, source_name, created_at) VALUES (?,?,?,?,?,?)")) {
                    ps.setLong(1, recipeId);
                    ps.setInt(2, next);
                    ps.setString(3, body);
                    ps.setObject(4, source == null ? null : source.value());
                    ps.setString(5, sourceName == null ? "" : sourceName);
                    ps.setString(6, Instant.now().toString());
                    ps.executeUpdate();
                }
                return versions(c, "WHERE r.id = ? AND v.version = ?", recipeId, next).getFirst();
            });
        } catch (SQLException e) {
            throw new WrangleException(-1, "Cannot save the recipe '" + name + "' in the workspace catalog: " + e.getMessage(), e);
        }
    }

    /** The names of the saved recipes, alphabetically. */
    public List<String> names() throws WrangleException {
        try {
            return catalog.read(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM recipe ORDER BY name COLLATE NOCASE");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    /** Every version of {@code name}, oldest first; empty when there is no such recipe. */
    public List<RecipeVersion> versions(String name) throws WrangleException {
        try {
            return catalog.read(c -> versions(c, "WHERE r.name = ? ORDER BY v.version", name));
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    public Optional<RecipeVersion> latest(String name) throws WrangleException {
        List<RecipeVersion> all = versions(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    public Optional<RecipeVersion> version(String name, int version) throws WrangleException {
        return versions(name).stream().filter(v -> v.version() == version).findFirst();
    }

    /** Which recipe version made {@code output}, when a recipe made it. */
    public Optional<Lineage> lineage(DatasetId output) throws WrangleException {
        try {
            return catalog.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT l.source_dataset_id, l.source_name, r.name, v.version,"
                        + " l.created_at FROM dataset_lineage l LEFT JOIN recipe_version v ON v.id = l.recipe_version_id"
                        + " LEFT JOIN recipe r ON r.id = v.recipe_id WHERE l.dataset_id = ?")) {
                    ps.setLong(1, output.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Lineage>empty();
                        }
                        long src = rs.getLong(1);
                        Optional<DatasetId> source = rs.wasNull() ? Optional.empty() : Optional.of(new DatasetId(src));
                        return Optional.of(new Lineage(output, source, rs.getString(2), rs.getString(3), rs.getInt(4),
                                Instant.parse(rs.getString(5))));
                    }
                }
            });
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    void recordLineage(DatasetId output, DatasetId source, String sourceName, RecipeVersion version) throws SQLException {
        catalog.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_lineage (dataset_id, source_dataset_id,"
                    + " source_name, recipe_version_id, created_at) VALUES (?,?,?,?,?)")) {
                ps.setLong(1, output.value());
                ps.setObject(2, source == null ? null : source.value());
                ps.setString(3, sourceName);
                ps.setLong(4, version.id());
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static long recipeId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM recipe WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recipe (name, created_at) VALUES (?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, Instant.now().toString());
            ps.executeUpdate();
        }
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<RecipeVersion> versions(Connection c, String where, Object... args) throws SQLException {
        List<RecipeVersion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM recipe_version v JOIN recipe r"
                + " ON r.id = v.recipe_id " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long src = rs.getLong(5);
                    Optional<DatasetId> source = rs.wasNull() ? Optional.empty() : Optional.of(new DatasetId(src));
                    out.add(new RecipeVersion(rs.getLong(1), rs.getString(2), rs.getInt(3), StepCodec.read(rs.getString(4)),
                            source, rs.getString(6), Instant.parse(rs.getString(7))));
                }
            }
        }
        return out;
    }

    static void checkName(String name) throws WrangleException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new WrangleException("'" + name + "' is not a usable recipe name: start with a letter, then use letters,"
                    + " digits, spaces, '_' or '-' (at most 100 characters).");
        }
    }

    private static WrangleException readError(SQLException e) {
        return new WrangleException(-1, "Cannot read the recipes in the workspace catalog: " + e.getMessage(), e);
    }
}
