package dev.osprey.app.train;

import dev.osprey.core.data.DataException;
import dev.osprey.core.registry.RegistryException;
import dev.osprey.core.train.TrainingException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what background work threw into the short message and the details the user sees. */
final class Failures {
    private Failures() {
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Expected refusals carry a message for the user; anything else says plainly that it is a defect. */
    static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        boolean expected = e instanceof TrainingException || e instanceof RegistryException
                || e instanceof DataException || e instanceof IllegalArgumentException;
        if (expected && m != null && !m.isBlank()) {
            return m;
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ").";
    }

    static String details(Throwable t) {
        StringWriter out = new StringWriter();
        unwrap(t).printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
