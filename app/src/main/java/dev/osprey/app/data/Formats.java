package dev.osprey.app.data;

import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.StorageMode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the Data page writes numbers, sizes and dates: one place, so list, header and tests agree. */
final class Formats {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Formats() {
    }

    /** 1234567 -> "1,234,567". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Row count and column count as the list shows them: "1,204 × 7". */
    static String shape(Dataset d) {
        return count(d.rowCount()) + " \u00d7 " + d.columns().size();
    }

    /** 1536 -> "1.5 KB"; sizes under 1 KB stay exact. */
    static String size(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, UNITS[unit]);
    }

    static String created(Instant at) {
        return at == null ? "unknown" : CREATED.format(at.atZone(ZoneId.systemDefault()));
    }

    static String storage(StorageMode mode) {
        return mode == StorageMode.LINK ? "Linked" : "Copied";
    }

    static String type(ColumnType type) {
        return type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
    }

    static String role(ColumnRole role) {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
