package dev.osprey.app.shell;

import dev.osprey.core.workspace.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentWorkspacesTest {
    @TempDir
    Path tmp;

    private RecentWorkspaces store() {
        return new RecentWorkspaces(tmp.resolve("home").resolve("recent-workspaces.txt"));
    }

    @Test
    void noFileMeansAnEmptyList() {
        assertThat(store().load()).isEmpty();
    }

    @Test
    void theMostRecentComesFirstAndAReopenedWorkspaceMovesUp() throws Exception {
        RecentWorkspaces store = store();
        store.add(tmp.resolve("a"));
        store.add(tmp.resolve("b"));
        store.add(tmp.resolve("a"));
        assertThat(store().load()).containsExactly(tmp.resolve("a"), tmp.resolve("b"));
    }

    @Test
    void keepsAtMostTen() throws Exception {
        RecentWorkspaces store = store();
        for (int i = 0; i < 13; i++) {
            store.add(tmp.resolve("ws" + i));
        }
        assertThat(store().load()).hasSize(RecentWorkspaces.MAX)
                .first().isEqualTo(tmp.resolve("ws12"));
        assertThat(store().load()).doesNotContain(tmp.resolve("ws0"), tmp.resolve("ws1"), tmp.resolve("ws2"));
    }

    @Test
    void pathsAreStoredAbsoluteAndNormalized() throws Exception {
        store().add(tmp.resolve("x/../y"));
        assertThat(store().load()).containsExactly(tmp.resolve("y"));
    }

    @Test
    void removeDropsAnEntry() throws Exception {
        RecentWorkspaces store = store();
        store.add(tmp.resolve("a"));
        store.add(tmp.resolve("b"));
        assertThat(store.remove(tmp.resolve("a"))).containsExactly(tmp.resolve("b"));
        assertThat(store().load()).containsExactly(tmp.resolve("b"));
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        RecentWorkspaces store = store();
        IntStream.range(0, 5).forEach(i -> {
            try {
                store.add(tmp.resolve("w" + i));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        try (Stream<Path> files = Files.list(tmp.resolve("home"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("recent-workspaces.txt")
                    .noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
        }
    }

    @Test
    void blankLinesCommentsAndDuplicatesInAHandEditedFileAreIgnored() throws Exception {
        Path file = tmp.resolve("home").resolve("recent-workspaces.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# mine\n\n" + tmp.resolve("a") + "\n  " + tmp.resolve("a") + "  \n" + tmp.resolve("b") + "\n");
        assertThat(store().load()).containsExactly(tmp.resolve("a"), tmp.resolve("b"));
    }
}
