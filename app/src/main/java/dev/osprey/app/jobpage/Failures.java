package dev.osprey.app.jobpage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Turns what background work threw into the short message and the details the user sees. Which
 * failures are expected refusals (their message is for the user) differs by page, so each page
 * says so once; anything else is reported plainly as a defect.
 */
public final class Failures {
    /** The engine's refusals (checked exceptions) and bad arguments carry a message for the user. */
    public static final Failures CHECKED = new Failures(e -> !(e instanceof RuntimeException) || e instanceof IllegalArgumentException);

    private final Predicate<Throwable> expected;

    /** {@code expected} is asked about the unwrapped failure. */
    public Failures(Predicate<Throwable> expected) {
        this.expected = Objects.requireNonNull(expected);
    }

    /** The failure inside the wrappers a future adds. */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The stack trace: the details one click away. */
    public static String details(Throwable t) {
        StringWriter out = new StringWriter();
        unwrap(t).printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** An expected refusal's own message; for anything else, a sentence that says it is a defect. */
    public String message(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        if (expected.test(e) && m != null && !m.isBlank()) {
            return m;
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ").";
    }
}
