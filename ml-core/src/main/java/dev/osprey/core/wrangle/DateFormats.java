package dev.osprey.core.wrangle;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * DuckDB's strptime formats ({@code %Y-%m-%d}), and the same formats as a Java formatter for the row
 * transform. Only the common specifiers are translated; others are refused for serving.
 */
final class DateFormats {
    private DateFormats() {
    }

    static boolean hasTime(String format) {
        return format.contains("%H") || format.contains("%M") || format.contains("%S") || format.contains("%I")
                || format.contains("%T") || format.contains("%f");
    }

    /**
     * A Java formatter that reads what {@code format} reads.
     *
     * @throws IllegalArgumentException naming a specifier with no Java equivalent here
     */
    static DateTimeFormatter java(String format) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%' || i + 1 == format.length()) {
                b.appendLiteral(ch);
                continue;
            }
            char spec = format.charAt(++i);
            switch (spec) {
                case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
                case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
                case 'b' -> b.appendPattern("MMM");
                case 'B' -> b.appendPattern("MMMM");
                case 'T' -> b.appendPattern("HH:mm:ss");
                case '%' -> b.appendLiteral('%');
                default -> throw new IllegalArgumentException("the date format specifier %" + spec
                        + " is not supported when transforming single rows");
            }
        }
        return b.toFormatter(Locale.ENGLISH);
    }
}
