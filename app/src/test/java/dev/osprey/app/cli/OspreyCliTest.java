package dev.osprey.app.cli;

import dev.osprey.core.Engine;
import dev.osprey.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OspreyCliTest {
    @TempDir
    Path tmp;
    CliHarness cli;
    Path ws;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(tmp.resolve("home"), tmp);
        ws = tmp.resolve("ws");
    }

    private void init() {
        assertThat(cli.run("workspace", "init", ws.toString()).exitCode()).isZero();
    }

    private Path csv(String name, String... lines) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void versionNamesOspreyJavaAndPlatform() {
        CliHarness.Result r = cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).matches("Osprey \\d+\\.\\d+\\.\\d+\\S* \\(Java \\d+[^,]*, \\S.* \\S+\\)");
        assertThat(cli.studioLaunches).isEmpty();
    }

    @Test
    void initCreatesAWorkspaceRelativeToTheWorkingFolder() {
        CliHarness.Result r = cli.run("workspace", "init", "ws");
        assertThat(r.exitCode()).isZero();
        assertThat(Workspace.isWorkspace(ws)).isTrue();
        assertThat(r.out()).contains("Created an Osprey workspace in " + ws);
    }

    @Test
    void initTwiceFailsWithOneLine() {
        init();
        CliHarness.Result r = cli.run("workspace", "init", ws.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).startsWith("osprey: ").contains("already a workspace").hasLineCount(1);
    }

    @Test
    void importedCsvShowsUpInTheList() throws IOException {
        init();
        Path file = csv("scores.csv", "student,hours,score", "ann,3.5,71", "bob,1.0,52", "cy,6.25,90");
        CliHarness.Result imported = cli.run("data", "import", file.toString(), "-w", ws.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported scores: 3 rows, 3 columns (CSV, copied)");

        CliHarness.Result list = cli.run("-w", ws.toString(), "data", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("NAME\\s+ROWS\\s+COLUMNS\\s+FORMAT\\s+STORAGE\\s+CREATED");
        assertThat(lines.get(1)).matches("scores\\s+3\\s+3\\s+CSV\\s+copy\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        // aligned: every column starts at the same offset in header and row
        assertThat(lines.get(1).indexOf("CSV")).isEqualTo(lines.get(0).indexOf("FORMAT"));
    }

    @Test
    void linkedImportWithNameAndFormat() throws IOException {
        init();
        Path file = csv("raw.txt", "a,b", "1,2");
        CliHarness.Result r = cli.run("data", "import", file.toString(), "--name", "pairs", "--format", "csv",
                "--link", "-w", ws.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(cli.run("data", "list", "-w", ws.toString()).out()).containsPattern("pairs\\s+1\\s+2\\s+CSV\\s+link");
    }

    @Test
    void malformedCsvFailsWithTheLineAndAddsNothing() throws IOException {
        init();
        Path file = csv("bad.csv", "x,y", "1,2", "3,4", "5,6,7,8", "9,10");
        CliHarness.Result r = cli.run("data", "import", file.toString(), "-w", ws.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).startsWith("osprey: ").containsPattern("(?i)line 4").hasLineCount(1).doesNotContain("\tat ");
        assertThat(cli.run("data", "list", "-w", ws.toString()).out()).startsWith("No datasets");
        assertThat(filesIn(ws.resolve("data"))).isEmpty();
    }

    @Test
    void missingFileFailsWithoutTouchingTheWorkspace() {
        init();
        CliHarness.Result r = cli.run("data", "import", "nope.csv", "-w", ws.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).isEqualTo("osprey: There is no file " + tmp.resolve("nope.csv") + ".\n");
    }

    @Test
    void verbosePrintsTheStackTraceAndOnlyThen() {
        init();
        assertThat(cli.run("data", "import", "nope.csv", "-w", ws.toString()).err()).doesNotContain("\tat ");
        assertThat(cli.run("--verbose", "data", "import", "nope.csv", "-w", ws.toString()).err())
                .contains("CliException").contains("\tat dev.osprey.app.cli.");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliHarness.Result r = cli.run("data", "list", "--bogus");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("osprey data list --help");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badDatasetNameAndGroupWithoutVerbAreUsageErrors() {
        init();
        assertThat(cli.run("data", "import", "x.csv", "--name", "9lives", "-w", ws.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliHarness.Result r = cli.run("data");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("needs a command: import, list");
    }

    @Test
    void notAWorkspaceFails() throws IOException {
        Files.createDirectories(tmp.resolve("plain"));
        CliHarness.Result r = cli.run("data", "list", "-w", "plain");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("is not an Osprey workspace").hasLineCount(1);
    }

    @Test
    void lockedWorkspaceFails() throws Exception {
        init();
        try (Engine held = Engine.open(ws)) {
            assertThat(held.workspace().root()).isEqualTo(ws);
            CliHarness.Result r = cli.run("data", "list", "-w", ws.toString());
            assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err()).contains("is open in another Osprey process").hasLineCount(1);
        }
    }

    @Test
    void theWorkingFolderIsTheDefaultWorkspace() throws IOException {
        init();
        cli.workingDir = ws;
        Path file = csv("w.csv", "a", "1", "2");
        assertThat(cli.run("data", "import", file.toString()).exitCode()).isZero();
        CliHarness.Result list = cli.run("data", "list");
        assertThat(list.out()).containsPattern("(?m)^w\\s+2\\s+1\\s+CSV");
        assertThat(list.err()).isEmpty();
    }

    @Test
    void withoutAWorkspaceTheSampleIsUsedAndSaidSo() {
        CliHarness.Result r = cli.run("data", "list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path sample = cli.home.resolve("sample-workspace");
        assertThat(Workspace.isWorkspace(sample)).isTrue();
        assertThat(r.err()).contains("using the sample workspace " + sample);
    }

    @Test
    void noCommandOpensTheStudioOnTheWorkspace() {
        init();
        CliHarness.Result r = cli.run("-w", "ws");
        assertThat(r.exitCode()).isZero();
        assertThat(cli.studioLaunches).containsExactly(ws);
    }

    @Test
    void ctrlCCancelsTheImportWithExit130AndNothingAdded() throws IOException {
        init();
        Path big = tmp.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write("id,value,label\n");
            for (int i = 0; i < 300_000; i++) {
                w.write(i + "," + (i * 0.5) + ",item" + (i % 97) + "\n");
            }
        }
        // Ctrl+C "pressed" the moment the job is registered
        cli.interrupts = onInterrupt -> {
            onInterrupt.run();
            return () -> {
            };
        };
        CliHarness.Result r = cli.run("data", "import", big.toString(), "-w", ws.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(r.err()).contains("Cancelled; the workspace is unchanged.");
        cli.interrupts = InterruptHandler.NONE;
        assertThat(cli.run("data", "list", "-w", ws.toString()).out()).startsWith("No datasets");
        assertThat(filesIn(ws.resolve("data"))).isEmpty();
    }
}
