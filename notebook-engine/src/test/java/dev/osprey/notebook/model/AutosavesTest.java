package dev.osprey.notebook.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AutosavesTest {
    @TempDir
    Path dir;

    @Test
    void aCopyNewerThanTheFileIsOfferedWithItsCells() throws Exception {
        Path file = dir.resolve("analysis.ipynb");
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("int x = 1;"))));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Autosaves.write(file, Notebook.create(List.of(Cell.Code.of("int x = 2;"))));

        var recovery = Autosaves.pending(file).orElseThrow();
        assertThat(recovery.copy()).isEqualTo(dir.resolve(".osprey-autosave").resolve("analysis.ipynb"));
        assertThat(recovery.notebook().cells()).extracting(Cell::source).containsExactly("int x = 2;");
        assertThat(Files.list(dir.resolve(".osprey-autosave")).map(p -> p.getFileName().toString()))
                .containsExactly("analysis.ipynb"); // no temporary left behind
    }

    @Test
    void aCopyOlderThanTheFileOrEqualToItIsNotOffered() throws Exception {
        Path file = dir.resolve("a.ipynb");
        Notebook same = Notebook.create(List.of(Cell.Code.of("1 + 1")));
        Notebooks.write(file, same);
        Autosaves.write(file, same);
        assertThat(Autosaves.pending(file)).isEmpty();

        Autosaves.write(file, Notebook.create(List.of(Cell.Code.of("old edit"))));
        Files.setLastModifiedTime(Autosaves.pathFor(file), FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(Autosaves.pending(file)).isEmpty();
    }

    @Test
    void aDamagedCopyIsIgnoredAndDiscardRemovesTheCopyAndItsFolder() throws Exception {
        Path file = dir.resolve("b.ipynb");
        Notebooks.write(file, Notebook.create(List.of(Cell.Code.of("x"))));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Files.createDirectories(Autosaves.pathFor(file).getParent());
        Files.writeString(Autosaves.pathFor(file), "{ half a notebook");
        assertThat(Autosaves.pending(file)).isEmpty();

        Autosaves.discard(file);
        assertThat(dir.resolve(".osprey-autosave")).doesNotExist();
        assertThat(file).exists();
    }

    @Test
    void aCopyOfANotebookWhoseFileIsGoneIsOffered() throws Exception {
        Path file = dir.resolve("gone.ipynb");
        Autosaves.write(file, Notebook.create(List.of(Cell.Code.of("kept"))));
        assertThat(Autosaves.pending(file)).isPresent();
    }
}
