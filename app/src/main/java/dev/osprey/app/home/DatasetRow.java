package dev.osprey.app.home;

import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;

import java.text.NumberFormat;
import java.util.Locale;

/** A dataset as the Home page lists it. */
public record DatasetRow(DatasetId id, String name, long rows, int columns, String format) {

    static DatasetRow of(Dataset d) {
        return new DatasetRow(d.id(), d.name(), d.rowCount(), d.columns().size(), d.format().label());
    }

    /** "12,345 rows · 8 columns · CSV". */
    public String summary() {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        return n.format(rows) + (rows == 1 ? " row" : " rows") + " · " + columns + (columns == 1 ? " column" : " columns")
                + " · " + format;
    }
}
