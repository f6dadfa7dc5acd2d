package dev.osprey.app.data;

import dev.osprey.app.jobpage.Failures;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.ImportException;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/** Turns what background work threw into the short message and the details the user sees. */
final class Problems {
    private static final Failures EXPECTED = new Failures(e -> e instanceof DataException || e instanceof IllegalArgumentException);

    private Problems() {
    }

    /** The exception behind the wrappers that futures add. */
    static Throwable unwrap(Throwable t) {
        return Failures.unwrap(t);
    }

    static boolean isCancel(Throwable t) {
        return unwrap(t) instanceof CancellationException;
    }

    /**
     * A message for the user. Expected failures ({@link DataException}) carry one already; anything
     * else is a defect, so it says so plainly and leaves the rest to the details.
     */
    static String message(Throwable t) {
        return EXPECTED.message(t);
    }

    /** The import failure as the user reads it: where in which file, then why. */
    static String importMessage(Path file, Throwable t) {
        Throwable e = unwrap(t);
        String reason = message(e);
        String where = file.getFileName().toString();
        if (e instanceof ImportException ie && ie.line().isPresent()) {
            return "Line " + Formats.count(ie.line().getAsLong()) + " of " + where + ": " + reason;
        }
        return where + ": " + reason;
    }

    /** A stack trace for the details pane. */
    static String details(Throwable t) {
        return Failures.details(t);
    }
}
