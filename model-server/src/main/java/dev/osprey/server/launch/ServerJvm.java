package dev.osprey.server.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JVM half of a server's command line: the Java, its flags and the class path. Start-up is
 * what the user waits for on every deploy, so the server JVM gets (1) only the class path it can
 * use: the caller's path without UI, test and other modules' jars, and without folders that hold
 * no model-server or ml-core classes (a bench's or app's own classes); and (2) when that path is
 * all jars, a dynamic CDS archive of the classes a server loads (and their linked lambdas), dumped
 * by the first server at its exit ({@code -XX:ArchiveClassesAtExit}) and mapped by every later
 * start ({@code -XX:SharedArchiveFile}): about a quarter less CPU to ready. The archive lives in
 * {@code cacheDir}, named by a hash of the Java and the jars, because it only maps for those.
 */
record ServerJvm(Path java, List<String> flags, List<String> classPath, Optional<Archive> archive) {
    /**
     * The class-data archive for this Java and class path: mapped when {@code mapped} exists;
     * otherwise this server writes {@code dumpTo} at exit and the launcher moves it to {@code mapped}
     * ({@link #publish}), so two servers that exit together never write the same file.
     */
    record Archive(Path mapped, Path dumpTo, boolean exists) {
    }

    /** File-name fragments of jars the server never loads a class from. */
    private static final List<String> NOT_FOR_SERVER = List.of("javafx-", "controlsfx", "richtextfx", "reactfx", "undofx",
            "flowless", "wellbehavedfx", "ikonli", "atlantafx", "testfx", "junit", "opentest4j", "apiguardian", "assertj",
            "archunit", "byte-buddy", "mockito", "picocli", "osprey-app", "osprey-labeling-ui", "osprey-notebook-engine",
            "osprey-bench", "osprey-packaging", "-tests.jar");
    private static final String ARCHIVE_PREFIX = "server-";
    private static final String ARCHIVE_SUFFIX = ".jsa";

    ServerJvm {
        flags = List.copyOf(flags);
        classPath = List.copyOf(classPath);
    }

    /** After the server exited: its dumped archive becomes the one later starts map (atomically; a failed dump leaves nothing). */
    synchronized void publish() {
        archive.filter(a -> !a.exists()).ifPresent(a -> {
            try {
                if (Files.isRegularFile(a.dumpTo()) && Files.size(a.dumpTo()) > 0) {
                    Files.move(a.dumpTo(), a.mapped(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException ignored) {
                // the next server dumps again
            } finally {
                try {
                    Files.deleteIfExists(a.dumpTo());
                } catch (IOException ignored) {
                    // swept with the other stale archives
                }
            }
        });
    }

    /** The server JVM for this JVM's Java and class path, with its CDS archive in {@code cacheDir} when one can be used. */
    static ServerJvm forThisJvm(Optional<Path> cacheDir) {
        return of(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"), cacheDir);
    }

    static ServerJvm of(Path java, String callerClassPath, Optional<Path> cacheDir) {
        List<String> cp = serverClassPath(callerClassPath);
        List<String> flags = new ArrayList<>();
        flags.add("--enable-native-access=ALL-UNNAMED");
        // One small heap and the serial collector: a serving process holds a model and short-lived request objects.
        flags.add("-XX:+UseSerialGC");
        flags.add("-Xms64m");
        // No hsperfdata file to create and map at start (jcmd still attaches; only jps no longer lists the server).
        flags.add("-XX:-UsePerfData");
        flags.add("-Dfile.encoding=UTF-8");
        Optional<Archive> archive = archive(java, cp, cacheDir);
        archive.ifPresent(a -> {
            // Archive notes (none yet, or one made by another Java) are not the user's concern: keep them out of the log.
            flags.add("-Xlog:cds=off");
            flags.add("-Xlog:cds+dynamic=off");
            flags.add(a.exists() ? "-XX:SharedArchiveFile=" + a.mapped() : "-XX:ArchiveClassesAtExit=" + a.dumpTo());
        });
        return new ServerJvm(java, flags, cp, archive);
    }

    /** The caller's class path entries the server can use, in order. */
    static List<String> serverClassPath(String callerClassPath) {
        List<String> out = new ArrayList<>();
        for (String entry : callerClassPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                if (Files.isDirectory(p.resolve("dev/osprey/server")) || Files.isDirectory(p.resolve("dev/osprey/core"))) {
                    out.add(entry);
                }
            } else if (!unused(p.getFileName() == null ? entry : p.getFileName().toString())) {
                out.add(entry);
            }
        }
        return out;
    }

    private static boolean unused(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return NOT_FOR_SERVER.stream().anyMatch(name::contains);
    }

    /**
     * The archive for this Java and class path, or empty: CDS refuses class paths with folders
     * (a development build's target/classes), and without a cache folder there is nowhere to keep it.
     * The name hashes the Java, the class path and each jar's size and time, so a rebuilt jar gets a
     * new archive instead of a stale one the JVM would refuse.
     */
    static Optional<Archive> archive(Path java, List<String> classPath, Optional<Path> cacheDir) {
        if (cacheDir.isEmpty() || classPath.isEmpty()
                || !classPath.stream().allMatch(e -> e.endsWith(".jar") && Files.isRegularFile(Path.of(e)))) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder().append(java.toAbsolutePath()).append('\n').append(Runtime.version());
        try {
            for (String jar : classPath) {
                Path p = Path.of(jar);
                key.append('\n').append(jar).append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
            }
            Files.createDirectories(cacheDir.get());
        } catch (IOException e) {
            return Optional.empty(); // start without the archive rather than fail a deploy over a cache
        }
        String name = ARCHIVE_PREFIX + sha256(key.toString()).substring(0, 16);
        Path mapped = cacheDir.get().resolve(name + ARCHIVE_SUFFIX);
        boolean exists = Files.isRegularFile(mapped);
        if (!exists) {
            deleteOtherArchives(cacheDir.get(), name);
        }
        Path dumpTo = cacheDir.get().resolve(name + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        return Optional.of(new Archive(mapped, dumpTo, exists));
    }

    // An archive for an earlier class path or build is never mapped again (dumps for this one may be under way).
    private static void deleteOtherArchives(Path dir, String keep) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, ARCHIVE_PREFIX + "*")) {
            for (Path p : old) {
                if (!p.getFileName().toString().startsWith(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // a leftover archive only takes disk space
        }
    }

    /** Where the archive goes: {@code <Osprey home>/cache/server-cds} (the app's home resolution), if a home is known. */
    static Optional<Path> defaultCacheDir() {
        String prop = System.getProperty("osprey.home");
        String env = System.getenv("OSPREY_HOME");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String user = System.getProperty("user.home");
        Path home;
        if (prop != null && !prop.isBlank()) {
            home = Path.of(prop);
        } else if (env != null && !env.isBlank()) {
            home = Path.of(env);
        } else if (xdg != null && !xdg.isBlank()) {
            home = Path.of(xdg, "osprey");
        } else if (user != null && !user.isBlank()) {
            home = Path.of(user, ".config", "osprey");
        } else {
            return Optional.empty();
        }
        return Optional.of(home.resolve("cache").resolve("server-cds"));
    }

    /** {@code java FLAGS -cp PATH}: the command up to the main class. */
    List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath));
        return cmd;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
