package dev.osprey.app.data.grid;

import java.util.concurrent.CompletionException;

/** How the grid's model runs DuckDB work in futures, and the message a failure shows. */
final class GridCalls {
    private GridCalls() {
    }

    /** The message of {@code e}, unwrapped from the futures' wrappers. */
    static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }

    static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
