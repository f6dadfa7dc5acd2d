package dev.osprey.app.notebook;

import java.time.Duration;

/**
 * How soon an open notebook autosaves after an edit and how often it looks at its file on disk.
 * Tests shorten them.
 */
public record NotebookTimings(Duration autosaveDelay, Duration diskPoll) {
    public static final NotebookTimings DEFAULT = new NotebookTimings(Duration.ofSeconds(5), Duration.ofSeconds(3));

    public NotebookTimings {
        if (autosaveDelay.isNegative() || autosaveDelay.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("autosave must come within 30 s of an edit, not " + autosaveDelay);
        }
        if (diskPoll.isNegative() || diskPoll.isZero()) {
            throw new IllegalArgumentException("the disk poll interval must be positive, not " + diskPoll);
        }
    }
}
