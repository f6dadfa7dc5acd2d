package dev.osprey.app.jobpage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page tells the user when background work failed. */
class FailuresTest {
    @Test
    void checkedRefusalsAndBadArgumentsSpeakForThemselvesThroughTheFuturesWrappers() {
        Throwable refused = new CompletionException(new ExecutionException(new IOException("The file is gone.")));
        assertThat(Failures.CHECKED.message(refused)).isEqualTo("The file is gone.");
        assertThat(Failures.CHECKED.message(new IllegalArgumentException("Bad seed."))).isEqualTo("Bad seed.");
        assertThat(Failures.unwrap(refused)).isInstanceOf(IOException.class);
    }

    @Test
    void aDefectSaysSoAndKeepsTheStackTraceForTheDetails() {
        Throwable defect = new CompletionException(new IllegalStateException("boom"));
        assertThat(Failures.CHECKED.message(defect)).isEqualTo("Something went wrong (IllegalStateException: boom).");
        assertThat(Failures.CHECKED.message(new IOException(" "))).isEqualTo("Something went wrong (IOException:  ).");
        assertThat(Failures.details(defect)).startsWith("java.lang.IllegalStateException: boom").contains("FailuresTest");
    }

    @Test
    void aPageSaysWhichFailuresAreRefusals() {
        Failures onlyState = new Failures(e -> e instanceof IllegalStateException);
        assertThat(onlyState.message(new IllegalStateException("Not now."))).isEqualTo("Not now.");
        assertThat(onlyState.message(new IOException("gone"))).isEqualTo("Something went wrong (IOException: gone).");
    }
}
