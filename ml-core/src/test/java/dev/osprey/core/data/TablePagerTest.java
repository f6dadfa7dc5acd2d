package dev.osprey.core.data;

import dev.osprey.core.job.JobContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The grid's pager over a real CSV through a real DuckDB: pages, snapshots, sort, filter, find, summaries. */
class TablePagerTest {
    private static final int ROWS = 20_000;

    @TempDir
    Path tmp;

    private Path csv;
    private List<Column> columns;

    @BeforeEach
    void writeCsv() throws Exception {
        StringBuilder sb = new StringBuilder("id,score,city\n");
        String[] cities = {"Oslo", "Lyon", "Porto", "Graz"};
        for (int i = 0; i < ROWS; i++) {
            // every 10th score missing; city cycles so the counts are known
            sb.append(i).append(',').append(i % 10 == 0 ? "" : String.valueOf(i % 100)).append(',')
                    .append(cities[i % 4]).append('\n');
        }
        csv = Files.writeString(tmp.resolve("t.csv"), sb.toString());
        columns = List.of(col("id", ColumnType.INTEGER), col("score", ColumnType.INTEGER), col("city", ColumnType.CATEGORY));
    }

    private static Column col(String name, ColumnType type) {
        return new Column(name, name, type, ColumnRole.FEATURE, 0, 0);
    }

    private TablePager open() throws DataException {
        return TablePager.open("SELECT * FROM read_csv(" + Sql.literal(csv.toString()) + ")", columns, -1);
    }

    @Test
    void pagesTheLiveSourceAndTheSnapshotAlike() throws Exception {
        try (TablePager p = open()) {
            assertThat(p.live().rows()).isEqualTo(ROWS);
            assertThat(p.live().isLive()).isTrue();
            List<List<Object>> live = p.rows(p.live(), 12_345, 3);
            PagedView base = p.base(JobContext.NONE);
            assertThat(base.isLive()).isFalse();
            assertThat(base.rows()).isEqualTo(ROWS);
            assertThat(p.rows(base, 12_345, 3)).isEqualTo(live);
            assertThat(live.getFirst()).containsExactly(12_345L, 45L, "Lyon");
            List<List<Object>> last = p.rows(base, ROWS - 2, 500);
            assertThat(last).hasSize(2);
            assertThat(last.getLast().getFirst()).isEqualTo((long) ROWS - 1);
            assertThat(p.live()).isEqualTo(base);
        }
    }

    @Test
    void sortsAndFiltersInSql() throws Exception {
        try (TablePager p = open()) {
            GridQuery q = new GridQuery(List.of(new GridQuery.SortKey("score", true), new GridQuery.SortKey("id", false)),
                    List.of(new GridQuery.ColumnFilter.Equals("city", "Lyon"),
                            new GridQuery.ColumnFilter.Range("score", "50", null)));
            PagedView v = p.view(q, JobContext.NONE);
            // Lyon: i % 4 == 1, so per 100 ids the scores are 1, 5, ..., 97; score >= 50 keeps 53..97: 12 of them
            assertThat(v.rows()).isEqualTo(ROWS / 100 * 12);
            List<List<Object>> first = p.rows(v, 0, 2);
            assertThat(first.get(0)).containsExactly(97L, 97L, "Lyon");
            assertThat(first.get(1)).containsExactly(197L, 97L, "Lyon");
            List<Object> lastRow = p.rows(v, v.rows() - 1, 1).getFirst();
            assertThat(lastRow.get(1)).isEqualTo(53L);

            PagedView missing = p.view(new GridQuery(List.of(), List.of(new GridQuery.ColumnFilter.Missing("score", true))),
                    JobContext.NONE);
            assertThat(missing.rows()).isEqualTo(ROWS / 10);
            PagedView contains = p.view(new GridQuery(List.of(), List.of(new GridQuery.ColumnFilter.Contains("city", "RT"))),
                    JobContext.NONE);
            assertThat(contains.rows()).isEqualTo(ROWS / 4);
            p.release(contains);
            assertThat(contains.snapshot()).doesNotExist();
        }
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsNamed() throws Exception {
        try (TablePager p = open()) {
            GridQuery q = new GridQuery(List.of(), List.of(new GridQuery.ColumnFilter.Equals("score", "ten")));
            assertThatThrownBy(() -> p.view(q, JobContext.NONE)).isInstanceOf(DataException.class)
                    .hasMessageContaining("'ten' is not a number").hasMessageContaining("score");
            assertThatThrownBy(() -> new GridQuery(List.of(new GridQuery.SortKey("nope", false)), List.of())
                    .sql("t", columns)).hasMessageContaining("There is no column 'nope'");
        }
    }

    @Test
    void findsForwardAndBackward() throws Exception {
        try (TablePager p = open()) {
            PagedView base = p.base(JobContext.NONE);
            assertThat(p.find(base, "graz", List.of("city"), -1, true)).isEqualTo(3);
            assertThat(p.find(base, "graz", List.of("city"), 3, true)).isEqualTo(7);
            assertThat(p.find(base, "graz", List.of("city"), 7, false)).isEqualTo(3);
            assertThat(p.find(base, "12345", List.of("id", "city"), -1, true)).isEqualTo(12_345);
            assertThat(p.find(base, "nowhere", List.of("id", "city"), -1, true)).isEqualTo(-1);
            // the live source finds the same rows
            try (TablePager fresh = open()) {
                assertThat(fresh.find(fresh.live(), "graz", List.of("city"), 3, true)).isEqualTo(7);
            }
        }
    }

    @Test
    void summarisesEveryColumn() throws Exception {
        try (TablePager p = open()) {
            List<ColumnSummary> s = p.summarize(p.base(JobContext.NONE), JobContext.NONE);
            ColumnSummary score = s.get(1);
            assertThat(score.rows()).isEqualTo(ROWS);
            assertThat(score.missing()).isEqualTo(ROWS / 10);
            assertThat(score.missingShare()).isCloseTo(0.1, within(1e-9));
            assertThat(score.min()).isEqualTo(1.0);
            assertThat(score.max()).isEqualTo(99.0);
            assertThat(score.histogram()).hasSize(ColumnSummaries.BINS);
            assertThat(score.histogram().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS - ROWS / 10);
            ColumnSummary city = s.get(2);
            assertThat(city.histogram()).isEmpty();
            assertThat(city.topValues()).hasSize(4).allSatisfy(t -> assertThat(t.count()).isEqualTo(ROWS / 4));
            assertThat(city.topValues()).extracting(ColumnSummary.TopValue::value)
                    .containsExactlyInAnyOrder("Oslo", "Lyon", "Porto", "Graz");
        }
    }

    @Test
    void aPageReadIsCancelledWithItsContext() throws Exception {
        try (TablePager p = open()) {
            java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.List<Runnable> hooks = new java.util.ArrayList<>();
            JobContext ctx = new JobContext() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public void log(String line) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }

                @Override
                public void onCancel(Runnable hook) {
                    hooks.add(hook);
                }
            };
            assertThat(p.rows(p.live(), 0, 3, ctx)).hasSize(3);
            assertThat(hooks).hasSize(1); // the statement registered its cancel
            hooks.getFirst().run();        // cancelling after the read ended is harmless
            cancelled.set(true);
            assertThatThrownBy(() -> p.rows(p.live(), 0, 3, ctx))
                    .isInstanceOf(dev.osprey.core.job.JobCancelledException.class);
        }
    }

    @Test
    void closingRemovesTheSnapshots() throws Exception {
        Path snapshot;
        try (TablePager p = open()) {
            snapshot = p.base(JobContext.NONE).snapshot();
            assertThat(snapshot).exists();
        }
        assertThat(snapshot).doesNotExist();
        assertThat(snapshot.getParent()).doesNotExist();
    }
}
