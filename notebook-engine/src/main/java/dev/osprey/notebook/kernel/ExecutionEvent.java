package dev.osprey.notebook.kernel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a running cell produces, in the order it produced it. {@link Completed} is always last. */
public sealed interface ExecutionEvent {

    /** Text the cell wrote to {@code System.out} (one piece; consecutive pieces belong together). */
    record Stdout(String text) implements ExecutionEvent {
        public Stdout {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Text the cell wrote to {@code System.err}, or a kernel note about the cell. */
    record Stderr(String text) implements ExecutionEvent {
        public Stderr {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Rich output shown where it was produced: {@code display(x)} in the cell. */
    record DisplayData(MimeBundle bundle) implements ExecutionEvent {
        public DisplayData {
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /** The value of the cell's last expression. */
    record Result(MimeBundle bundle) implements ExecutionEvent {
        public Result {
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /**
     * A compile error, an exception, an interrupt or the kernel's death.
     *
     * @param name      the exception class ({@code java.lang.ArithmeticException}), or
     *                  {@code CompilationError}, {@code Interrupted}, {@code KernelDied}
     * @param message   the compiler's or exception's message
     * @param line      the 1-based line in the cell the error points to, or 0 if unknown
     * @param traceback lines of detail (the stack trace, the offending source line)
     */
    record Error(String name, String message, int line, List<String> traceback) implements ExecutionEvent {
        public Error {
            Objects.requireNonNull(name, "name");
            message = message == null ? "" : message;
            traceback = List.copyOf(traceback);
        }
    }

    /** The end of the cell. */
    record Completed(ExecutionOutcome outcome, int executionCount, Duration elapsed) implements ExecutionEvent {
        public Completed {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }
}
