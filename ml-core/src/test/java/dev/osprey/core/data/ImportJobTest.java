package dev.osprey.core.data;

import dev.osprey.core.job.Job;
import dev.osprey.core.job.JobEvent;
import dev.osprey.core.job.JobService;
import dev.osprey.core.job.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import as a background job: progress, cancel at each phase, and the catalog usable meanwhile. */
class ImportJobTest {
    @TempDir
    static Path shared;
    static Path big;
    static long bigRows;

    @TempDir
    Path tmp;
    Fixture fx;
    JobService jobs;

    @BeforeAll
    static void writeBigFile() throws Exception {
        big = shared.resolve("big.csv");
        bigRows = BigCsv.write(big, 250L << 20);
    }

    @BeforeEach
    void open() throws Exception {
        fx = Fixture.create(tmp);
        jobs = new JobService(1);
    }

    @AfterEach
    void close() {
        jobs.close();
        fx.close();
    }

    private Job<Dataset> submit(StorageMode mode, List<JobEvent.Progress> seen, String cancelOn) {
        Job<Dataset> job = jobs.submit("Import", ctx -> fx.service.importFile(new ImportRequest(big, "big", null, mode), ctx));
        job.subscribe(e -> {
            if (e instanceof JobEvent.Progress p) {
                seen.add(p);
                if (cancelOn != null && p.message().startsWith(cancelOn) && p.fraction() > 0) {
                    job.cancel();
                }
            }
        });
        return job;
    }

    @Test
    void reportsCopyAndScanProgressAndListsMeanwhile() throws Exception {
        List<JobEvent.Progress> seen = new CopyOnWriteArrayList<>();
        Job<Dataset> job = submit(StorageMode.COPY, seen, null);
        int listedWhileRunning = 0;
        while (!job.status().isTerminal()) {
            List<Dataset> listed = fx.service.list(); // the UI thread's view, served while the import runs
            assertThat(listed.size()).isLessThanOrEqualTo(1);
            if (job.status() == JobStatus.RUNNING && listed.isEmpty()) {
                listedWhileRunning++;
            }
            Thread.sleep(20);
        }
        Dataset d = job.result().get(1, TimeUnit.MINUTES);
        assertThat(d.rowCount()).isEqualTo(bigRows);
        assertThat(listedWhileRunning).isPositive();
        // The copy runs beside the scan; the bar follows the scan and keeps the last tenth for the copy.
        assertThat(seen).anySatisfy(p -> {
            assertThat(p.message()).isEqualTo("Checking every row");
            assertThat(p.fraction()).isBetween(0.01, 0.9);
        });
        assertThat(seen).allSatisfy(p -> assertThat(p.fraction()).isLessThanOrEqualTo(1.0));
        assertThat(fx.workspace.dataDir().resolve("big.csv")).hasSize(java.nio.file.Files.size(big));
        assertThat(fx.service.list()).containsExactly(d);
    }

    @Test
    void cancelDuringTheScanStopsDuckDbAndTheCopyAndLeavesNothing() throws Exception {
        Job<Dataset> job = submit(StorageMode.COPY, new CopyOnWriteArrayList<>(), "Checking every row");
        assertCancelled(job);
    }

    @Test
    void cancelDuringALinkScan() throws Exception {
        Job<Dataset> job = submit(StorageMode.LINK, new CopyOnWriteArrayList<>(), "Checking every row");
        assertCancelled(job);
    }

    private void assertCancelled(Job<Dataset> job) throws Exception {
        assertThatThrownBy(() -> job.result().get(1, TimeUnit.MINUTES)).isInstanceOfAny(CancellationException.class,
                ExecutionException.class);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        fx.assertLeftNothing();
    }
}
