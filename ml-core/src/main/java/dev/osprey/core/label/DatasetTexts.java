package dev.osprey.core.label;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A text job over a workspace dataset's column: each non-blank value becomes an item, in the
 * dataset's row order. The values are read once through DuckDB with the dataset's schema applied,
 * so a job made from a wrangled dataset sees what the grid shows.
 */
public final class DatasetTexts {
    private DatasetTexts() {
    }

    /** The job made, and how many rows were left out because the column was empty there. */
    public record Created(LabelJob job, long blankRows) {
    }

    /** Creates a text job named in {@code spec} over column {@code column} of dataset {@code datasetName}. */
    public static Created create(LabelStore store, DatasetService datasets, LabelJobSpec spec, String datasetName, String column)
            throws LabelException {
        if (!spec.type().textItems()) {
            throw new LabelException("a dataset column gives texts; job '" + spec.name() + "' is "
                    + spec.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (use a folder of images)");
        }
        List<String> texts = new ArrayList<>();
        long blank = read(datasets, datasetName, column, texts);
        if (texts.isEmpty()) {
            throw new LabelException("column '" + column + "' of dataset '" + datasetName + "' has no text in any row");
        }
        return new Created(store.create(spec, texts), blank);
    }

    /** Appends the column's non-blank values to {@code out}; returns the number of blank or missing rows. */
    static long read(DatasetService datasets, String datasetName, String column, List<String> out) throws LabelException {
        Dataset d;
        try {
            d = datasets.find(datasetName).orElseThrow(() -> new LabelException("there is no dataset named '" + datasetName
                    + "' in this workspace"));
        } catch (DataException e) {
            throw new LabelException(e.getMessage(), e);
        }
        Column c = d.column(column).orElseThrow(() -> new LabelException("dataset '" + datasetName + "' has no column '"
                + column + "' (its columns: " + d.columns().stream().map(Column::name).toList() + ")"));
        String sql = "SELECT CAST(\"" + c.name().replace("\"", "\"\"") + "\" AS VARCHAR) FROM (" + datasets.selectSql(d) + ") AS t";
        long blank = 0;
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:"); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v == null || v.isBlank()) {
                    blank++;
                } else {
                    out.add(v);
                }
            }
        } catch (SQLException e) {
            throw new LabelException("cannot read column '" + column + "' of dataset '" + datasetName + "': " + e.getMessage(), e);
        }
        return blank;
    }
}
