package dev.osprey.core.sample;

import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.data.TablePreview;
import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SampleWorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void createsTheExamScoresWorkspaceWithATargetAndAReadme() throws Exception {
        Path dir = SampleWorkspace.ensure(tmp.resolve("sample"));
        assertThat(Files.readString(dir.resolve("README.md"))).contains("exam_scores").contains("890");
        try (Workspace ws = Workspace.open(dir); DatasetService ds = DatasetService.open(ws)) {
            Dataset d = ds.find("exam_scores").orElseThrow();
            assertThat(d.rowCount()).isEqualTo(1000);
            assertThat(d.target()).map(c -> c.name()).contains("exam_score");
            assertThat(d.column("years_it_experience").orElseThrow().role()).isEqualTo(ColumnRole.FEATURE);
            assertThat(d.location()).isEqualTo(dir.resolve("data/exam_scores.csv"));
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
            }
            assertThat(d.sourcePath()).isEqualTo(dir.resolve("exam_scores.csv").toString());
            assertThat(Files.readAllLines(dir.resolve(SampleWorkspace.NEW_CANDIDATES))).hasSize(5)
                    .startsWith("years_it_experience,years_aws_experience,hours_of_study", "4,1,15");

            TablePreview all = ds.preview(d.id(), 2000);
            double[][] x = new double[all.rows().size()][];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                List<Object> row = all.rows().get(i);
                long it = (Long) row.get(0);
                long aws = (Long) row.get(1);
                long hours = (Long) row.get(2);
                assertThat(it).isBetween(0L, 15L);
                assertThat(aws).isBetween(0L, 8L);
                assertThat(hours).isBetween(0L, 40L);
                x[i] = new double[] {1, it, aws, hours};
                y[i] = (Long) row.get(3);
                assertThat(y[i]).isBetween(100.0, 1000.0);
            }
            double[] beta = leastSquares(x, y);
            double predicted = beta[0] + 4 * beta[1] + 1 * beta[2] + 15 * beta[3];
            assertThat(predicted).isCloseTo(890, within(15.0));
            assertThat(beta[1]).isPositive();
            assertThat(beta[2]).isPositive();
            assertThat(beta[3]).isPositive();
        }
    }

    @Test
    void anExistingWorkspaceIsLeftAlone() throws Exception {
        Path dir = SampleWorkspace.ensure(tmp.resolve("sample"));
        Files.writeString(dir.resolve("README.md"), "mine");
        assertThat(SampleWorkspace.ensure(dir)).isEqualTo(dir);
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo("mine");
    }

    @Test
    void theDataIsTheSameEveryTime() throws Exception {
        Path a = SampleWorkspace.ensure(tmp.resolve("a"));
        Path b = SampleWorkspace.ensure(tmp.resolve("b"));
        assertThat(Files.mismatch(a.resolve("data/exam_scores.csv"), b.resolve("data/exam_scores.csv"))).isEqualTo(-1);
    }

    /** Solves the normal equations (X'X) b = X'y by Gaussian elimination with partial pivoting. */
    private static double[] leastSquares(double[][] x, double[] y) {
        int k = x[0].length;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += x[r][i] * x[r][j];
                }
                a[i][k] += x[r][i] * y[r];
            }
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= k; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] beta = new double[k];
        for (int i = 0; i < k; i++) {
            beta[i] = a[i][k] / a[i][i];
        }
        return beta;
    }
}
