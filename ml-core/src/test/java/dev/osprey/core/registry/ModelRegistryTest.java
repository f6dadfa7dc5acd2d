package dev.osprey.core.registry;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.experiment.MetricPoint;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exam-score sample trained, registered, loaded back and predicted; and model files that must be refused. */
class ModelRegistryTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static Dataset exams;
    static TrainingResult ols;
    static TrainingResult xgb;

    @BeforeAll
    static void trainTheSample() throws Exception {
        engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("sample")));
        exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
        ols = engine.training().train(TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "linear_regression"), JobContext.NONE);
        xgb = engine.training().train(TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "xgboost")
                .withOptions(Map.of("rounds", "200", "eta", "0.1", "max_depth", "3")), JobContext.NONE);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theSamplePredictsAbout890ThroughTheRegistryRoundTrip() throws Exception {
        ModelVersion v1 = engine.registry().register(ols.runId(), "exam-score");
        ModelVersion v2 = engine.registry().register(xgb.runId(), "exam-score");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.status()).isEqualTo(ApprovalStatus.PENDING);
        for (int version : List.of(1, 2)) {
            TrainedModel m = engine.registry().load("exam-score", version);
            double score = m.predict(4, 1, 15).value();
            assertThat(score).as("version " + version).isBetween(840.0, 940.0);
            assertThat(m.predict(Map.of("years_it_experience", 4, "years_aws_experience", 1, "hours_of_study", 15)).value())
                    .isEqualTo(score);
        }
        assertThat(engine.registry().load("exam-score", 1).signature().inputNames())
                .containsExactly("years_it_experience", "years_aws_experience", "hours_of_study");

        String card = Files.readString(engine.workspace().root().resolve("models/exam-score/2/model.json"));
        assertThat(card).contains("\"sha256\": \"" + v2.sha256() + "\"", "\"algorithm\": \"xgboost\"", "\"rmse\"",
                "\"osprey.lib.xgboost\": \"3.4.0\"", "\"osprey.dataset.fingerprint\"", "\"feature_importance\"", "\"hours_of_study\"");
        assertThat(sha256(Files.readAllBytes(engine.workspace().root().resolve(v2.modelFile())))).isEqualTo(v2.sha256());
    }

    @Test
    void runsRecordParamsProvenanceAndPerIterationMetrics() throws Exception {
        Run run = engine.experiments().get(xgb.runId());
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.endedAt()).isPresent();
        assertThat(run.params()).containsEntry("algorithm", "xgboost").containsEntry("max_depth", "3")
                .containsEntry("problem_type", "REGRESSION").containsEntry("validation", "holdout(0.2)").containsEntry("seed", "42");
        assertThat(run.tags()).containsEntry("osprey.dataset.name", "exam_scores").containsEntry("osprey.lib.smile", "6.3.0")
                .containsEntry("osprey.dataset.fingerprint", exams.fingerprint()).containsKeys("osprey.lib.duckdb", "osprey.jvm", "osprey.os");
        assertThat(run.tags().get("osprey.lib.duckdb")).isNotEqualTo("unknown");
        assertThat(run.metrics()).containsKeys("rmse", "mae", "r2", "mape", "valid_rmse", "train_rmse");
        List<MetricPoint> history = engine.experiments().history(xgb.runId(), "valid_rmse");
        assertThat(history).hasSize(200);
        assertThat(history.getFirst().value()).isGreaterThan(history.getLast().value());
        assertThat(engine.experiments().experiments()).extracting(e -> e.name()).contains("exam_scores / exam_score");
    }

    @Test
    void approvalAndMovableAliases() throws Exception {
        engine.registry().register(ols.runId(), "aliased");
        engine.registry().register(xgb.runId(), "aliased");
        engine.registry().setAlias("aliased", "champion", 1);
        assertThat(engine.registry().resolve("aliased", "champion").version()).isEqualTo(1);
        engine.registry().setAlias("aliased", "champion", 2);
        assertThat(engine.registry().resolve("aliased", "champion").version()).isEqualTo(2);
        assertThat(engine.registry().version("aliased", 1).aliases()).isEmpty();
        assertThat(engine.registry().load("aliased", "champion").algorithm()).isEqualTo("xgboost");
        assertThat(engine.registry().setStatus("aliased", 2, ApprovalStatus.APPROVED).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(engine.registry().models()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("aliased");
            assertThat(m.latestVersion()).isEqualTo(2);
            assertThat(m.aliases()).containsEntry("champion", 2);
        });
        assertThatThrownBy(() -> engine.registry().setAlias("aliased", "champion", 9)).hasMessageContaining("has no version 9");
        assertThatThrownBy(() -> engine.registry().register(ols.runId(), "../evil")).hasMessageContaining("'../evil' does not");
    }

    @Test
    void aFlippedByteIsRefused() throws Exception {
        ModelVersion v = engine.registry().register(ols.runId(), "flipped");
        Path file = engine.workspace().root().resolve(v.modelFile());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        assertThatThrownBy(() -> engine.registry().load("flipped", 1)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("The model file models/flipped/1/model.bin was changed since it was registered");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        ModelVersion v = engine.registry().register(xgb.runId(), "truncated");
        Path file = engine.workspace().root().resolve(v.modelFile());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> engine.registry().load("truncated", 1))
                .hasMessageContaining("models/truncated/1/model.bin was changed since it was registered");
    }

    @Test
    void aDeserializationBombIsRejectedByTheFilter() throws Exception {
        // A file with a matching checksum (as if the catalog were forged too): only the filter stands in the way.
        ModelVersion v = engine.registry().register(ols.runId(), "bomb");
        byte[] bomb = modelFile(nestedSets(150));
        plant(v, bomb);
        assertThatThrownBy(() -> engine.registry().load("bomb", 1)).isInstanceOf(RegistryException.class)
                .hasMessage("The model file models/bomb/1/model.bin was refused: its hash-based collections are nested"
                        + " deeper than 12 levels.");
    }

    @Test
    void deeplyNestedObjectsAreRefused() throws Exception {
        ModelVersion v = engine.registry().register(ols.runId(), "deep");
        java.util.List<Object> root = new java.util.ArrayList<>();
        java.util.List<Object> at = root;
        for (int i = 0; i < 150; i++) {
            java.util.List<Object> next = new java.util.ArrayList<>();
            at.add(next);
            at = next;
        }
        plant(v, modelFile(root));
        assertThatThrownBy(() -> engine.registry().load("deep", 1)).isInstanceOf(RegistryException.class)
                .hasMessage("The model file models/deep/1/model.bin was refused: its objects are nested deeper than 100 levels.");
    }

    /**
     * A bomb shallow enough to pass the depth limit: 2^40 hashCode calls if the sets were rebuilt.
     * Refused quickly, without burning CPU (the timeout only keeps a regression from hanging the suite).
     */
    @Test
    void aShallowSetBombIsRefusedWithoutBuildingIt() throws Exception {
        ModelVersion v = engine.registry().register(ols.runId(), "shallow-bomb");
        plant(v, modelFile(nestedSets(40)));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> engine.registry().load("shallow-bomb", 1)).isInstanceOf(RegistryException.class)
                        .hasMessageStartingWith("The model file models/shallow-bomb/1/model.bin was refused"));
    }

    @Test
    void aFileWithAForeignClassIsRejectedByTheFilter() throws Exception {
        ModelVersion v = engine.registry().register(ols.runId(), "foreign");
        plant(v, modelFile(new java.net.URI("http://example.org/").toURL()));
        assertThatThrownBy(() -> engine.registry().load("foreign", 1))
                .hasMessage("The model file models/foreign/1/model.bin was refused: it contains the class java.net.URL,"
                        + " which is not part of a model.");
    }

    /** Writes {@code bytes} as the version's model file and records their checksum in the catalog. */
    private static void plant(ModelVersion v, byte[] bytes) throws Exception {
        Files.write(engine.workspace().root().resolve(v.modelFile()), bytes);
        engine.workspace().catalog().inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE model_version SET sha256 = ? WHERE path = ?")) {
                ps.setString(1, sha256(bytes));
                ps.setString(2, v.folder());
                return ps.executeUpdate();
            }
        });
    }

    /** The classic SerialDOS shape: each level holds two sets that both hold the next level. */
    private static Set<Object> nestedSets(int depth) {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < depth; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("x");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    private static byte[] modelFile(Object payload) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("OSPREY-MODEL/1\n".getBytes(StandardCharsets.US_ASCII));
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(payload);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
