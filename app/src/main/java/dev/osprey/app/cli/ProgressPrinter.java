package dev.osprey.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows a headless job's progress on stderr. On a terminal it is one line rewritten in place (at
 * most ten times a second) and erased at the end, so stdout's result stands alone; in a log file or
 * a CI console it is one line every few seconds, because carriage returns turn logs into noise.
 * Jobs that finish quickly print nothing.
 * Progress arrives on the job's thread, hence the synchronisation.
 */
final class ProgressPrinter {
    private static final long TERMINAL_INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long LOG_INTERVAL = TimeUnit.SECONDS.toNanos(5);
    /** Jobs shorter than this show no progress at all: a flash of text is noise, not information. */
    private static final long TERMINAL_QUIET = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long LOG_QUIET = TimeUnit.SECONDS.toNanos(2);

    private final PrintWriter err;
    private final String title;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final int width;
    private final long start;
    private long lastPrint;
    private boolean printed;
    private boolean lineOpen;

    ProgressPrinter(PrintWriter err, String title, boolean terminal, LongSupplier nanoClock, int width) {
        this.err = err;
        this.title = title;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.width = Math.max(20, width);
        this.start = nanoClock.getAsLong();
    }

    static ProgressPrinter forTerminal(PrintWriter err, String title, boolean terminal) {
        return new ProgressPrinter(err, title, terminal, System::nanoTime, terminalWidth());
    }

    private static int terminalWidth() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                return Integer.parseInt(columns.strip());
            } catch (NumberFormatException ignored) {
                // fall back to the classic width
            }
        }
        return 80;
    }

    /** {@code fraction} in [0, 1], or negative when the amount of work is unknown. */
    synchronized void progress(double fraction, String message) {
        long now = nanoClock.getAsLong();
        if (now - start < (terminal ? TERMINAL_QUIET : LOG_QUIET)) {
            return;
        }
        if (printed && now - lastPrint < (terminal ? TERMINAL_INTERVAL : LOG_INTERVAL)) {
            return;
        }
        lastPrint = now;
        printed = true;
        String line = format(fraction, message, now - start);
        if (terminal) {
            String fitted = line.length() >= width ? line.substring(0, width - 1) : line;
            err.print("\r" + fitted + "\u001b[K");
            lineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the display: erases the progress line on a terminal. Safe to call more than once. */
    synchronized void finish() {
        if (lineOpen) {
            err.print("\r\u001b[K");
            err.flush();
            lineOpen = false;
        }
    }

    String format(double fraction, String message, long elapsedNanos) {
        StringBuilder sb = new StringBuilder(title).append(':');
        if (fraction >= 0) {
            sb.append(' ').append(Math.round(fraction * 100)).append('%');
        }
        if (message != null && !message.isBlank() && !message.strip().equals(title)) {
            sb.append(' ').append(message.strip());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(elapsedNanos);
        sb.append(" (").append(seconds >= 60 ? seconds / 60 + "m " + seconds % 60 + "s" : seconds + "s").append(')');
        return sb.toString();
    }
}
