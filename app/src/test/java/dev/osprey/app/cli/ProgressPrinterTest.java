package dev.osprey.app.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {
    private final StringWriter sink = new StringWriter();
    private long now;

    private ProgressPrinter printer(boolean terminal) {
        return new ProgressPrinter(new PrintWriter(sink), "Importing a.csv", terminal, () -> now, 40);
    }

    private void advanceMillis(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Test
    void terminalRewritesOneLineAndErasesItAtTheEnd() {
        ProgressPrinter p = printer(true);
        p.progress(0.05, "reading"); // within the first half second: not shown
        advanceMillis(600);
        p.progress(0.1, "reading");
        advanceMillis(20);
        p.progress(0.2, "reading"); // too soon after the last update: skipped
        advanceMillis(200);
        p.progress(0.5, "reading a very long message that does not fit the terminal width at all");
        p.finish();
        String s = sink.toString();
        assertThat(s).doesNotContain("\n").doesNotContain(" 5%").doesNotContain("20%");
        assertThat(s).startsWith("\rImporting a.csv: 10% reading (0s)\u001b[K");
        // the long line is cut to the width (39 visible characters) so it never wraps
        assertThat(s).contains("\rImporting a.csv: 50% reading a very lon\u001b[K");
        assertThat(s).endsWith("\r\u001b[K");
    }

    @Test
    void logsGetAnOccasionalPlainLine() {
        ProgressPrinter p = printer(false);
        p.progress(0, "starting");
        advanceMillis(2_000);
        p.progress(0.3, "reading");
        advanceMillis(4_000);
        p.progress(0.6, "reading");
        advanceMillis(1_000);
        p.progress(0.7, "reading");
        advanceMillis(62_000);
        p.progress(-1, "checking");
        p.finish();
        assertThat(sink.toString().lines().toList()).containsExactly(
                "Importing a.csv: 30% reading (2s)",
                "Importing a.csv: 70% reading (7s)",
                "Importing a.csv: checking (1m 9s)");
        assertThat(sink.toString()).doesNotContain("\r").doesNotContain("\u001b");
    }

    @Test
    void quickJobsPrintNothing() {
        ProgressPrinter p = printer(true);
        p.progress(0, "Importing a.csv");
        advanceMillis(300);
        p.progress(1, "done");
        p.finish();
        assertThat(sink.toString()).isEmpty();
    }

    @Test
    void aMessageThatRepeatsTheTitleIsNotRepeated() {
        assertThat(printer(false).format(0.25, "Importing a.csv", TimeUnit.SECONDS.toNanos(3)))
                .isEqualTo("Importing a.csv: 25% (3s)");
    }
}
