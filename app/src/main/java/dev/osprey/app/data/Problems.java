package dev.osprey.app.data;

import dev.osprey.core.data.DataException;
import dev.osprey.core.data.ImportException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what background work threw into the short message and the details the user sees. */
final class Problems {
    private Problems() {
    }

    /** The exception behind the wrappers that futures add. */
    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    static boolean isCancel(Throwable t) {
        return unwrap(t) instanceof CancellationException;
    }

    /**
     * A message for the user. Expected failures ({@link DataException}) carry one already; anything
     * else is a defect, so it says so plainly and leaves the rest to the details.
     */
    static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        if (e instanceof DataException && m != null && !m.isBlank()) {
            return m;
        }
        if (e instanceof IllegalArgumentException && m != null && !m.isBlank()) {
            return m;
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ").";
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
        StringWriter out = new StringWriter();
        unwrap(t).printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
