package dev.osprey.core.sample;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.DataException;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetService;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Workspace;
import dev.osprey.core.workspace.WorkspaceException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The example workspace a first start opens: one small regression dataset, exam_scores, whose
 * answer is easy to check by hand. The CSV is generated (fixed seed, so every install gets the
 * same rows), not shipped.
 */
public final class SampleWorkspace {
    public static final String DATASET = "exam_scores";
    public static final String TARGET = "exam_score";
    static final int ROWS = 1000;
    private static final long SEED = 20240607L;

    private SampleWorkspace() {
    }

    /** A CSV of candidates without a score in the sample workspace's folder, to predict. */
    public static final String NEW_CANDIDATES = "new-candidates.csv";

    /**
     * Returns {@code dir}, first creating the sample workspace there unless it already is a
     * workspace (then it is left untouched).
     */
    public static Path ensure(Path dir) throws WorkspaceException, DataException {
        Path root = dir.toAbsolutePath().normalize();
        if (Workspace.isWorkspace(root)) {
            return root;
        }
        try (Workspace ws = Workspace.create(root); DatasetService datasets = DatasetService.open(ws)) {
            // The raw file stays beside the workspace files: the dataset says where it came from, and
            // a newcomer can open it, like the platform docs' example file.
            Path csv = root.resolve(DATASET + ".csv");
            AtomicFiles.write(csv, SampleWorkspace::writeExamScores);
            Dataset d = datasets.importFile(new ImportRequest(csv, DATASET, DataFormat.CSV, StorageMode.COPY), JobContext.NONE);
            List<Column> cols = new ArrayList<>();
            for (Column c : d.columns()) {
                cols.add(c.name().equals(TARGET) ? c.withRole(ColumnRole.TARGET) : c);
            }
            datasets.updateSchema(d.id(), cols);
            // New candidates without a score, for the README's predict and batch commands.
            AtomicFiles.writeString(root.resolve(NEW_CANDIDATES), """
                    years_it_experience,years_aws_experience,hours_of_study
                    4,1,15
                    0,0,5
                    2,1,12
                    10,5,25
                    """);
            AtomicFiles.writeString(root.resolve("README.md"), readme());
            SampleNotebooks.write(ws.notebooksDir());
        } catch (IOException e) {
            throw new DataException("Cannot write the sample workspace in " + root + ": " + e.getMessage(), e);
        }
        return root;
    }

    /**
     * Candidates for a cloud certification exam: experience, study hours and the scaled score
     * (100-1000). The score is linear in the three inputs plus noise, capped at 1000, so a linear
     * model recovers it: about 890 for 4 years in IT, 1 on AWS and 15 hours of study.
     */
    static void writeExamScores(OutputStream out) throws IOException {
        Random r = new Random(SEED);
        StringBuilder sb = new StringBuilder("years_it_experience,years_aws_experience,hours_of_study,exam_score\n");
        for (int i = 0; i < ROWS; i++) {
            int it = Math.min(15, (int) Math.floor(16 * Math.pow(r.nextDouble(), 1.8))); // most candidates are junior
            int aws = Math.min(8, (int) Math.floor((it + 1) * r.nextDouble() * 0.6));     // rarely more than in IT overall
            int hours = (int) Math.max(0, Math.min(40, Math.round(11 + 7 * r.nextGaussian())));
            double score = 732 + 7 * it + 15 * aws + 8 * hours + 30 * r.nextGaussian();
            long scaled = Math.max(100, Math.min(1000, Math.round(score)));
            sb.append(it).append(',').append(aws).append(',').append(hours).append(',').append(scaled).append('\n');
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String readme() {
        return """
                # Osprey sample workspace

                This workspace holds one example dataset, **exam_scores** (1,000 rows), to try the
                studio end to end: explore the data, train a model, deploy it and call it.

                Each row is a candidate for a cloud certification exam:

                | column | meaning |
                |---|---|
                | `years_it_experience` | years working in IT (0-15) |
                | `years_aws_experience` | years working with AWS (0-8, rarely more than in IT) |
                | `hours_of_study` | hours spent preparing (0-40) |
                | `exam_score` | the scaled exam score (100-1000; 720 passes) - the **target** |

                The scores were generated from a linear formula plus noise, so a linear regression
                recovers it well: for a candidate with 4 years in IT, 1 year on AWS and 15 hours of
                study it predicts a score of about **890**.

                Try it: open *Datasets*, look at `exam_scores`, then train a *Linear regression*
                with `exam_score` as the target and predict for (4, 1, 15).

                From a terminal, in this folder:

                    osprey train --data exam_scores --target exam_score --algorithm linear_regression --register exam-score
                    osprey predict --model exam-score --input new-candidates.csv

                The data is synthetic, generated when this workspace was created: `exam_scores.csv` is
                the file it was imported from, `new-candidates.csv` four candidates without a score.
                """;
    }
}
