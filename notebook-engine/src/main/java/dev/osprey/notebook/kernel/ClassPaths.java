package dev.osprey.notebook.kernel;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Class path helpers: launchers and Surefire use "manifest-only" jars whose manifest lists the real path. */
final class ClassPaths {
    private ClassPaths() {
    }

    static List<Path> ofThisJvm() {
        List<Path> entries = new ArrayList<>();
        for (String s : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!s.isBlank()) {
                entries.add(Path.of(s).toAbsolutePath());
            }
        }
        return expand(entries);
    }

    /** The entries with every jar's manifest {@code Class-Path} spliced in after it; duplicates and missing files dropped. */
    static List<Path> expand(List<Path> entries) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : entries) {
            add(p.toAbsolutePath().normalize(), out);
        }
        return List.copyOf(out);
    }

    private static void add(Path p, Set<Path> out) {
        if (!Files.exists(p) || !out.add(p)) {
            return;
        }
        if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            Manifest mf = jar.getManifest();
            String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return;
            }
            for (String item : cp.trim().split("\\s+")) {
                if (!item.isEmpty()) {
                    add(resolve(p, item), out);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable jar keeps its own entry; the kernel reports a missing class if it matters
        }
    }

    private static Path resolve(Path jar, String item) {
        URI uri = URI.create(item.replace(" ", "%20"));
        if (uri.isAbsolute()) {
            return Path.of(uri).normalize();
        }
        return Path.of(jar.getParent().toUri().resolve(uri)).normalize();
    }

    static String join(List<Path> path) {
        List<String> s = new ArrayList<>(path.size());
        for (Path p : path) {
            s.add(p.toString());
        }
        return String.join(File.pathSeparator, s);
    }
}
