package dev.osprey.core.wrangle;

import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.job.JobService;
import dev.osprey.core.job.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saving materialises a dataset with lineage and versions; saved recipes apply elsewhere; export as SQL and Java. */
class SaveAndExportTest {
    @TempDir
    Path tmp;
    People p;

    @BeforeEach
    void setUp() throws Exception {
        p = new People(tmp);
    }

    @AfterEach
    void tearDown() {
        p.close();
    }

    static Recipe recipe() {
        return Recipe.of(new Step.FillMissing("age", Step.FillMethod.MEAN, null),
                new Step.OneHotEncode("city", true),
                new Step.Filter(new Condition.Compare("label", Condition.Op.EQ, "ham")),
                new Step.Standardize("income"));
    }

    @Test
    void saveMaterialisesADatasetWithLineageAndVersions() throws Exception {
        Dataset out;
        try (JobService jobs = new JobService(1)) {
            Job<Dataset> job = jobs.submit("Save", ctx -> p.recipes().saveAs("prep", p.people.id(), recipe(), "people_prep", ctx));
            out = job.await();
        }
        assertThat(out.rowCount()).isEqualTo(48);
        assertThat(out.columns()).extracting(c -> c.name()).containsExactly("id", "name", "age", "income", "joined", "qty",
                "label", "code", "city_Kyiv", "city_Lima", "city_Oslo", "city_Pune");
        assertThat(out.location()).hasParent(p.engine.workspace().dataDir()).hasFileName("people_prep.parquet");
        try (Stream<Path> files = Files.list(p.engine.workspace().dataDir())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".osprey-tmp-"));
        }
        Lineage l = p.recipes().store().lineage(out.id()).orElseThrow();
        assertThat(l.source()).contains(p.people.id());
        assertThat(l.recipeName()).isEqualTo("prep");
        assertThat(l.recipeVersion()).isEqualTo(1);

        RecipeVersion v1 = p.recipes().store().latest("prep").orElseThrow();
        assertThat(v1.fitted().recipe()).isEqualTo(recipe());
        assertThat(v1.fitted().fits().get(0)).isInstanceOf(StepFit.Fill.class);
        assertThat(((StepFit.Categories) v1.fitted().fits().get(1)).values()).containsExactly("Kyiv", "Lima", "Oslo", "Pune");

        p.recipes().saveAs("prep", p.people.id(), recipe().remove(2), "people_prep2", JobContext.NONE);
        assertThat(p.recipes().store().versions("prep")).extracting(RecipeVersion::version).containsExactly(1, 2);
        assertThat(p.recipes().store().names()).containsExactly("prep");

        assertThatThrownBy(() -> p.recipes().saveAs("prep", p.people.id(), recipe(), "people_prep", JobContext.NONE))
                .hasMessageContaining("A dataset named 'people_prep' already exists");
        assertThat(p.recipes().store().versions("prep")).hasSize(2);
    }

    @Test
    void cancellingTheSaveJobAddsNoDatasetAndLeavesNoFile() throws Exception {
        for (String stage : List.of("Fitting", "Applying")) {
            try (JobService jobs = new JobService(1)) {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                Job<Dataset> job = jobs.submit("Save", ctx -> {
                    go.await();
                    return p.recipes().saveAs("prep", p.people.id(), recipe(), "people_" + stage, ctx);
                });
                job.subscribe(e -> {
                    if (e instanceof dev.osprey.core.job.JobEvent.Progress pr && pr.message().startsWith(stage)) {
                        job.cancel();
                    }
                });
                go.countDown();
                assertThatThrownBy(job::await).hasCauseInstanceOf(java.util.concurrent.CancellationException.class);
                assertThat(job.status()).isEqualTo(dev.osprey.core.job.JobStatus.CANCELLED);
            }
            assertThat(p.engine.datasets().find("people_" + stage)).isEmpty();
            try (Stream<Path> files = Files.list(p.engine.workspace().dataDir())) {
                assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".osprey-tmp-"))
                        .noneMatch(n -> n.contains(stage));
            }
        }
    }

    @Test
    void aSavedRecipeAppliesToOtherDataWithItsStoredFit() throws Exception {
        p.recipes().saveAs("prep", p.people.id(), recipe(), "people_prep", JobContext.NONE);
        RecipeVersion v = p.recipes().savedVersion("prep", null);
        Path file = tmp.resolve("applied.csv");
        ApplyResult r = p.recipes().applyToFile(p.people.id(), v.fitted(), file, JobContext.NONE);
        assertThat(r.rows()).isEqualTo(48);
        assertThat(Files.readAllLines(file)).hasSize(49).first().asString().startsWith("id,name,age,income");
        Dataset again = p.recipes().applySaved("prep", 1, p.people.id(), "people_again", JobContext.NONE);
        assertThat(again.rowCount()).isEqualTo(48);
        assertThatThrownBy(() -> p.recipes().savedVersion("nope", null)).hasMessageContaining("There is no recipe named 'nope'");
        assertThatThrownBy(() -> p.recipes().savedVersion("prep", 9)).hasMessageContaining("has no version 9");
    }

    @Test
    void aFailingCastStopsTheApplyAndAddsNothing() throws Exception {
        Recipe failing = Recipe.of(new Step.CastColumn("qty", ColumnType.INTEGER, Step.CastPolicy.FAIL));
        assertThatThrownBy(() -> p.recipes().saveAs("bad", p.people.id(), failing, "bad_out", JobContext.NONE))
                .isInstanceOf(WrangleException.class).hasMessageContaining("6 of 60 rows cannot be converted");
        assertThat(p.engine.datasets().find("bad_out")).isEmpty();
        assertThat(p.recipes().store().names()).isEmpty();
    }

    @Test
    void exportsOneSqlStatementThatDuckDbRunsAlone() throws Exception {
        FittedRecipe fitted = p.recipes().fit(p.people.id(), recipe(), JobContext.NONE);
        String sql = p.recipes().toSql(p.people.id(), fitted);
        assertThat(sql).startsWith("WITH ").doesNotContain("sample_");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), sum(\"city_Oslo\") FROM (" + sql + ")")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(48);
            assertThat(rs.getLong(2)).isEqualTo(p.rows.stream().filter(r -> "Oslo".equals(r.get("city"))
                    && "ham".equals(r.get("label"))).count());
        }
    }

    @Test
    void exportsJavaThatBuildsTheSameRecipe() throws Exception {
        String cell = p.recipes().toJava("people", recipe());
        assertThat(cell).contains("new Step.FillMissing(\"age\", Step.FillMethod.MEAN, null)")
                .contains("new Step.Filter(new Condition.Compare(\"label\", Condition.Op.EQ, \"ham\"))")
                .contains("engine.recipes().preview(source.id(), recipe, 10)");
        // The cell compiles and runs in JShell against this workspace's engine classes.
        p.close();
        System.setProperty("osprey.workspace", p.engine.workspace().root().toString());
        try (jdk.jshell.JShell shell = jdk.jshell.JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            StringBuilder errors = new StringBuilder();
            for (String snippet : splitSnippets(shell, cell)) {
                for (var e : shell.eval(snippet)) {
                    shell.diagnostics(e.snippet()).forEach(d -> errors.append(d.getMessage(java.util.Locale.ROOT)).append('\n'));
                    if (e.exception() != null) {
                        errors.append(e.exception()).append('\n');
                    }
                }
            }
            assertThat(errors.toString()).isEmpty();
        } finally {
            System.clearProperty("osprey.workspace");
        }
    }

    private static List<String> splitSnippets(jdk.jshell.JShell shell, String code) {
        List<String> out = new java.util.ArrayList<>();
        String rest = code;
        while (!rest.isBlank()) {
            var info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
            out.add(info.source());
            rest = info.remaining();
        }
        return out;
    }

}
