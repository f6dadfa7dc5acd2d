package dev.osprey.core.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void creatingInAnEmptyFolderRunsEveryMigration() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        try (Workspace ws = Workspace.create(dir)) {
            assertThat(ws.catalog().schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(ws.integrityCheck()).isEqualTo("ok");
            for (String folder : Workspace.FOLDERS) {
                assertThat(dir.resolve(folder)).isDirectory();
            }
        }
        assertThat(Workspace.isWorkspace(dir)).isTrue();
        assertThatThrownBy(() -> Workspace.create(dir)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("already a workspace");
    }

    @Test
    void reopeningKeepsTheCatalog() throws Exception {
        Path dir = tmp.resolve("ws");
        try (Workspace ws = Workspace.create(dir)) {
            ws.catalog().inTransaction(c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO dataset (name, format, storage_mode, location, source_path, row_count,"
                            + " size_bytes, fingerprint, created_at) VALUES ('kept', 'CSV', 'LINK', '/x.csv', '/x.csv', 1, 1, 'f', 'now')");
                }
            });
        }
        try (Workspace ws = Workspace.open(dir)) {
            String name = ws.catalog().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM dataset")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(name).isEqualTo("kept");
            assertThat(ws.catalog().schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
    }

    @Test
    void aFolderThatIsNotAWorkspaceGetsAClearMessage() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("photos"));
        assertThatThrownBy(() -> Workspace.open(plain)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("is not an Osprey workspace").hasMessageContaining("osprey workspace init");
        assertThat(plain.resolve(Workspace.CATALOG_FILE)).doesNotExist();
        assertThatThrownBy(() -> Workspace.open(tmp.resolve("missing"))).hasMessageContaining("There is no folder");
    }

    @Test
    void aSecondOpenIsRefusedWhileTheFirstIsOpen() throws Exception {
        Path dir = tmp.resolve("ws");
        try (Workspace first = Workspace.create(dir)) {
            assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(WorkspaceLockedException.class)
                    .hasMessageContaining("open in another Osprey process");
        }
        try (Workspace again = Workspace.open(dir)) {
            assertThat(again.root()).isEqualTo(dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void anotherProcessHoldingTheWorkspaceIsNamed() throws Exception {
        Path dir = tmp.resolve("ws");
        Workspace.create(dir).close();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("LOCKED");
            assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(WorkspaceLockedException.class)
                    .hasMessageContaining("pid " + child.pid());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.integrityCheck()).isEqualTo("ok"); // the lock died with its process
        }
    }

    @Test
    void atomicWriteLeavesNoTemporaryFileOnFailure() throws Exception {
        Path target = tmp.resolve("out/model.json");
        AtomicFiles.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(names(target.getParent())).containsExactly("model.json");
    }

    @Test
    void openingSweepsTemporariesLeftByACrash() throws Exception {
        Path dir = tmp.resolve("ws");
        Workspace.create(dir).close();
        Files.writeString(dir.resolve("data").resolve(AtomicFiles.TEMP_PREFIX + "123.part"), "half");
        Files.writeString(dir.resolve("data").resolve("user.csv"), "a\n1\n");
        Workspace.open(dir).close();
        assertThat(names(dir.resolve("data"))).containsExactly("user.csv");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aProcessTheHolderStartedOpensTheWorkspaceAsAGuestAndOthersStillCannot() throws Exception {
        Path dir = tmp.resolve("lent");
        try (Workspace host = Workspace.create(dir)) {
            System.setProperty(Workspace.HOST_PID_PROPERTY, "1");
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> Workspace.open(dir))
                        .isInstanceOf(WorkspaceLockedException.class);
                System.setProperty(Workspace.HOST_PID_PROPERTY, Long.toString(ProcessHandle.current().pid()));
                Path leftover = java.nio.file.Files.createTempFile(dir.resolve("data"), AtomicFiles.TEMP_PREFIX, ".part");
                try (Workspace guest = Workspace.open(dir)) {
                    org.assertj.core.api.Assertions.assertThat(guest.isGuest()).isTrue();
                    org.assertj.core.api.Assertions.assertThat(guest.catalog().schemaVersion())
                            .isEqualTo(host.catalog().schemaVersion());
                    // a guest leaves the holder's files alone, even its temporary ones
                    org.assertj.core.api.Assertions.assertThat(leftover).exists();
                }
            } finally {
                System.clearProperty(Workspace.HOST_PID_PROPERTY);
            }
            org.assertj.core.api.Assertions.assertThat(host.isGuest()).isFalse();
            // the guest's close did not release the holder's lock
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Workspace.open(dir))
                    .isInstanceOf(WorkspaceLockedException.class);
        }
    }
}
