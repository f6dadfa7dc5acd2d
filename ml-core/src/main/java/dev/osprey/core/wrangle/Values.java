package dev.osprey.core.wrangle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;

/** DuckDB's JDBC values as the plain Java values previews and row transforms use. */
final class Values {
    private Values() {
    }

    static Object of(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.longValue();
            case Float f -> f.doubleValue();
            case BigDecimal bd -> bd.doubleValue();
            case Date d -> d.toLocalDate();
            case Timestamp t -> t.toLocalDateTime();
            case OffsetDateTime o -> o.toLocalDateTime();
            default -> v;
        };
    }
}
