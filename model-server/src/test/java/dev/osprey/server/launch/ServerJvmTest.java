package dev.osprey.server.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerJvmTest {
    @TempDir
    Path dir;

    private String jar(String name) throws IOException {
        return Files.write(dir.resolve(name), new byte[] {1}).toString();
    }

    private String folder(String name, String pkg) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(pkg == null ? p : p.resolve(pkg));
        return p.toString();
    }

    @Test
    void theServerGetsOnlyTheClassPathItCanUse() throws IOException {
        String server = jar("osprey-model-server-0.1.jar");
        String core = jar("osprey-ml-core-0.1.jar");
        String smile = jar("smile-core-6.3.0.jar");
        String fx = jar("javafx-graphics-26.0.2-linux.jar");
        String app = jar("osprey-app-0.1.jar");
        String junit = jar("junit-jupiter-api-5.14.4.jar");
        String benchClasses = folder("bench-classes", "dev/osprey/bench");
        String serverClasses = folder("server-classes", "dev/osprey/server");
        String cp = String.join(File.pathSeparator, benchClasses, server, fx, core, app, smile, junit, serverClasses);

        assertThat(ServerJvm.serverClassPath(cp)).containsExactly(server, core, smile, serverClasses);
    }

    @Test
    void theFirstServerDumpsTheArchiveAndLaterServersMapIt() throws IOException {
        Path cache = dir.resolve("cache");
        String cp = String.join(File.pathSeparator, jar("osprey-model-server-0.1.jar"), jar("osprey-ml-core-0.1.jar"));
        Files.createDirectories(cache);
        Path stale = Files.write(cache.resolve("server-0123456789abcdef.jsa"), new byte[] {1});

        ServerJvm first = ServerJvm.of(Path.of("java"), cp, Optional.of(cache));
        ServerJvm.Archive a = first.archive().orElseThrow();
        assertThat(a.exists()).isFalse();
        assertThat(a.mapped().getParent()).isEqualTo(cache);
        assertThat(a.mapped().getFileName().toString()).matches("server-[0-9a-f]{16}\\.jsa");
        assertThat(first.flags()).contains("-XX:ArchiveClassesAtExit=" + a.dumpTo(), "-XX:+UseSerialGC")
                .noneMatch(f -> f.startsWith("-XX:SharedArchiveFile"));
        assertThat(stale).as("an archive made for other jars is never mapped again").doesNotExist();

        Files.write(a.dumpTo(), new byte[] {42}); // what the JVM writes at exit
        first.publish();
        assertThat(a.mapped()).exists();
        assertThat(a.dumpTo()).doesNotExist();

        ServerJvm later = ServerJvm.of(Path.of("java"), cp, Optional.of(cache));
        assertThat(later.flags()).contains("-XX:SharedArchiveFile=" + a.mapped()).noneMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit"));
        later.publish();
        assertThat(a.mapped()).as("publishing without a dump keeps the archive").exists();

        String other = String.join(File.pathSeparator, cp, jar("sqlite-jdbc-3.54.1.0.jar"));
        assertThat(ServerJvm.of(Path.of("java"), other, Optional.of(cache)).archive().orElseThrow().mapped()).isNotEqualTo(a.mapped());
    }

    @Test
    void aClassPathWithFoldersOrNoCacheRunsWithoutAnArchive() throws IOException {
        String cp = String.join(File.pathSeparator, folder("classes", "dev/osprey/server"), jar("osprey-ml-core-0.1.jar"));
        assertThat(ServerJvm.of(Path.of("java"), cp, Optional.of(dir.resolve("cache"))).flags())
                .noneMatch(f -> f.contains("SharedArchive"));
        assertThat(ServerJvm.of(Path.of("java"), jar("a.jar"), Optional.empty()).flags()).noneMatch(f -> f.contains("SharedArchive"));
        List<String> cmd = ServerJvm.of(Path.of("java"), cp, Optional.empty()).command();
        assertThat(cmd.getFirst()).isEqualTo("java");
        assertThat(cmd.get(cmd.size() - 2)).isEqualTo("-cp");
    }
}
