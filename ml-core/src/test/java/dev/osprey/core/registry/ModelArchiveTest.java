package dev.osprey.core.registry;

import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.sample.SampleWorkspace;
import dev.osprey.core.train.TrainingRequest;
import dev.osprey.core.train.TrainingResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A version exported as one zip and imported under another name; tampered, escaping and oversized archives refused. */
class ModelArchiveTest {
    @TempDir
    static Path tmp;
    static Engine engine;
    static ModelVersion original;
    static Path zip;

    @BeforeAll
    static void exportOne() throws Exception {
        engine = Engine.open(SampleWorkspace.ensure(tmp.resolve("sample")));
        Dataset exams = engine.datasets().find(SampleWorkspace.DATASET).orElseThrow();
        TrainingResult r = engine.training().train(TrainingRequest.of(exams.id(), SampleWorkspace.TARGET, "linear_regression"),
                JobContext.NONE);
        original = engine.registry().register(r.runId(), "exam-score");
        zip = tmp.resolve("out/exam-score-1.zip");
        engine.registry().exportVersion("exam-score", 1, zip);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void anExportedVersionImportsAsANewVersionThatPredictsTheSame() throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName).toList())
                    .containsExactly("osprey-export.properties", "model.bin", "model.json");
        }
        ModelVersion first = engine.registry().importArchive(zip, "exam-copy");
        ModelVersion second = engine.registry().importArchive(zip, "exam-copy");
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(first.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(first.run()).isEmpty();
        assertThat(first.sha256()).isEqualTo(original.sha256());
        double expected = engine.registry().load("exam-score", 1).predict(4, 1, 15).value();
        assertThat(engine.registry().load("exam-copy", 2).predict(4, 1, 15).value()).isEqualTo(expected);
        Path dir = engine.registry().folderOf(first);
        assertThat(Files.readString(dir.resolve("model.json"))).contains("\"name\": \"exam-copy\"", "\"exported_name\": \"exam-score\"");
        assertThat(dir.resolve("source-model.json")).exists();
        assertThat(Files.list(engine.workspace().root().resolve("models")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.startsWith(".osprey-tmp-"));
    }

    @Test
    void aTamperedArchiveIsRefusedAndNothingIsImported() throws Exception {
        Map<String, byte[]> entries = entries(zip);
        byte[] model = entries.get("model.bin");
        model[model.length - 10] ^= 1;
        Path bad = write("tampered.zip", entries);
        assertThatThrownBy(() -> engine.registry().importArchive(bad, "tampered"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("The archive tampered.zip was changed after it was exported (a SHA-256 does not match);"
                        + " Osprey will not import it.");
        assertThat(engine.registry().models()).extracting(RegisteredModel::name).doesNotContain("tampered");
    }

    @Test
    void anEntryThatEscapesTheFolderIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(zip);
        entries.put("../../escaped.txt", "owned".getBytes());
        Path bad = write("slip.zip", entries);
        assertThatThrownBy(() -> engine.registry().importArchive(bad, "slip"))
                .hasMessageContaining("unsafe path ('../../escaped.txt')");
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
        assertThat(engine.workspace().root().resolveSibling("escaped.txt")).doesNotExist();

        Map<String, byte[]> other = entries(zip);
        other.put("notes.txt", new byte[1]);
        assertThatThrownBy(() -> engine.registry().importArchive(write("extra.zip", other), "extra"))
                .hasMessage("The archive extra.zip holds 'notes.txt', which is not part of an Osprey model export.");
    }

    @Test
    void anOversizedEntryIsRefusedWhileItIsRead() {
        assertThatThrownBy(() -> engine.registry().importArchive(zip, "big", 100))
                .hasMessage("The entry 'model.bin' of the archive exam-score-1.zip is larger than 100 bytes; Osprey will not import it.");
    }

    @Test
    void notAnArchiveAndBadNamesGetAPlainMessage() throws Exception {
        Path text = Files.writeString(tmp.resolve("plain.zip"), "hello");
        assertThatThrownBy(() -> engine.registry().importArchive(text, "plain"))
                .hasMessageStartingWith("The archive plain.zip is not an Osprey model export");
        assertThatThrownBy(() -> engine.registry().importArchive(zip, "../up")).hasMessageContaining("'../up' does not");
        assertThatThrownBy(() -> engine.registry().exportVersion("exam-score", 9, tmp.resolve("x.zip")))
                .hasMessage("The model 'exam-score' has no version 9.");
    }

    private static Map<String, byte[]> entries(Path file) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> list = new ArrayList<>(z.stream().toList());
            for (ZipEntry e : list) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static Path write(String name, Map<String, byte[]> entries) throws Exception {
        Path file = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }
}
