package dev.osprey.app.cli;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.quality.ColumnProfile;
import dev.osprey.core.quality.HtmlReport;
import dev.osprey.core.quality.LeakageScore;
import dev.osprey.core.quality.QualityException;
import dev.osprey.core.quality.QualityFormat;
import dev.osprey.core.quality.QualityReport;
import dev.osprey.core.quality.QualityRequest;
import dev.osprey.core.quality.QualityService;
import dev.osprey.core.quality.QualityWarning;
import dev.osprey.core.quality.QuickModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code osprey data profile NAME [--target COL] [--html FILE]}: the data quality and insights
 * report as text tables (summary, warnings by severity, columns, leakage, quick model), and
 * optionally as a self-contained HTML file. Without --target the dataset's TARGET-role column is
 * used, if it has one.
 */
@Command(name = "profile", sortOptions = false, description = {"Data quality and insights report of a dataset.",
        "Progress goes to stderr; the report to stdout."})
final class DataProfileCommand extends HeadlessCommand {
    private static final int MAX_IMPORTANCE_ROWS = 10;

    @Parameters(index = "0", paramLabel = "NAME", description = "The dataset.")
    private String name;

    @Option(names = {"-t", "--target"}, paramLabel = "COL",
            description = "The column to predict. Default: the dataset's target column, if it has one.")
    private String target;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML file.")
    private Path html;

    @Option(names = "--no-model", description = "Skip the quick model (boosted trees).")
    private boolean noModel;

    @Override
    public Integer call() throws Exception {
        if (target != null && target.isBlank()) {
            throw new CliException("The target column name is empty.");
        }
        Path htmlFile = html == null ? null : resolve(html);
        if (htmlFile != null && (Files.isDirectory(htmlFile) || htmlFile.getParent() == null
                || !Files.isDirectory(htmlFile.getParent()))) {
            throw new CliException("Cannot write the HTML report to " + htmlFile + ": "
                    + (Files.isDirectory(htmlFile) ? "it is a folder." : "its folder does not exist."));
        }
        Path workspace = root().resolveWorkspace(err());
        try (HeadlessSession session = HeadlessSession.open(env(), err(), workspace)) {
            Dataset d = session.engine().datasets().find(name).orElseThrow(() -> noDataset(session));
            Optional<String> t = target != null ? Optional.of(target.strip()) : d.target().map(Column::name);
            QualityRequest request = QualityRequest.of(d.id(), t);
            if (noModel) {
                request = request.withoutQuickModel();
            }
            QualityRequest finalRequest = request;
            QualityReport report;
            try {
                report = session.run("Profiling " + d.name(), ctx -> session.engine().quality().profile(finalRequest, ctx));
            } catch (QualityException e) {
                throw new CliException(e.getMessage());
            }
            print(report);
            if (htmlFile != null) {
                try {
                    HtmlReport.write(report, htmlFile);
                } catch (IOException e) {
                    throw new CliException("Cannot write the HTML report to " + htmlFile + ": " + e.getMessage());
                }
                out().println();
                out().println("HTML report: " + htmlFile);
            }
            out().flush();
        }
        return ExitCodes.OK;
    }

    private CliException noDataset(HeadlessSession session) {
        try {
            List<String> names = session.engine().datasets().list().stream().map(Dataset::name).toList();
            return new CliException("There is no dataset '" + name + "'. "
                    + (names.isEmpty() ? "The workspace has no datasets." : "The datasets are: " + String.join(", ", names) + "."));
        } catch (Exception e) {
            return new CliException("There is no dataset '" + name + "'.");
        }
    }

    private void print(QualityReport r) {
        out().printf("Data quality of %s: %s rows, %d columns, %s duplicate rows, target %s (%.1f s).%n", r.dataset(),
                QualityFormat.count(r.rows()), r.columns().size(), QualityFormat.count(r.duplicateRows()),
                r.target().map(t -> t.column() + " (" + t.problemType().name().toLowerCase(Locale.ROOT) + ")").orElse("none"),
                r.elapsed().toMillis() / 1000.0);
        out().println();
        if (r.warnings().isEmpty()) {
            out().println("No warnings.");
        } else {
            TextTable warnings = new TextTable(List.of("SEVERITY", "COLUMN", "WARNING"), false, false, false);
            for (QualityWarning w : r.warnings()) {
                warnings.add(List.of(w.severity().name(), w.column().orElse("-"), w.message()));
            }
            warnings.print(out());
        }
        out().println();
        TextTable columns = new TextTable(List.of("COLUMN", "TYPE", "MISSING", "DISTINCT", "MIN", "MAX", "MEAN", "STD", "MEDIAN", "SKEW"),
                false, false, true, true, true, true, true, true, true, true);
        for (ColumnProfile c : r.columns()) {
            ColumnProfile.NumericStats n = c.numeric().orElse(null);
            columns.add(List.of(c.name(), c.type().name().toLowerCase(Locale.ROOT), QualityFormat.percent(c.missingShare()),
                    QualityFormat.count(c.distinct()), shorten(c.min().orElse("-")), shorten(c.max().orElse("-")),
                    n == null ? "" : QualityFormat.number(n.mean()), n == null ? "" : QualityFormat.number(n.std()),
                    n == null ? "" : QualityFormat.number(n.median()), n == null ? "" : QualityFormat.number(n.skewness())));
        }
        columns.print(out());
        if (!r.leakage().isEmpty()) {
            out().println();
            String metric = r.leakage().getFirst().metric().toUpperCase(Locale.ROOT);
            TextTable leakage = new TextTable(List.of("COLUMN ALONE", metric + " (5-FOLD CV)", "FLAG"), false, true, false);
            for (LeakageScore s : r.leakage()) {
                leakage.add(List.of(s.column(), QualityFormat.score(s.score()), s.flagged() ? "leakage?" : ""));
            }
            leakage.print(out());
        }
        r.quickModel().ifPresent(this::printModel);
        for (String note : r.notes()) {
            out().println();
            out().println("Note: " + note);
        }
    }

    private void printModel(QuickModel q) {
        out().println();
        out().printf("Quick model: boosted trees (%s, default settings), %s training / %s validation rows, run %d of the"
                        + " experiment '%s'.%n", q.algorithm(), QualityFormat.count(q.trainRows()), QualityFormat.count(q.validRows()),
                q.run().value(), QualityService.EXPERIMENT);
        Numbers.metricsTable(q.metrics()).print(out());
        out().println();
        TextTable importance = new TextTable(List.of("FEATURE", "IMPORTANCE"), false, true);
        q.importance().entrySet().stream().limit(MAX_IMPORTANCE_ROWS)
                .forEach((Map.Entry<String, Double> e) -> importance.add(List.of(e.getKey(), QualityFormat.percent(e.getValue()))));
        importance.print(out());
    }

    private static String shorten(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "\u2026";
    }
}
