package dev.osprey.notebook.kernel;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to launch a kernel.
 *
 * @param javaHome            the JDK that runs the kernel JVM (needs the jdk.jshell and jdk.jdwp.agent modules)
 * @param maxHeap             the kernel's -Xmx value, e.g. {@code 2g}
 * @param classPath           libraries snippets may use (ml-core, Smile, DuckDB...), added to the
 *                            kernel with one {@code addToClasspath}; must contain this module's classes
 * @param jvmOptions          extra options for the kernel JVM
 * @param startTimeout        how long the kernel JVM may take to connect back
 * @param workingDirectory    the kernel's working directory (a cell's relative paths resolve here)
 * @param mavenLocalRepository where {@code %maven} looks for artifacts (and stores downloads)
 * @param mavenRemote         the remote repository {@code %maven} downloads from, or null to stay offline
 */
public record KernelOptions(Path javaHome, String maxHeap, List<Path> classPath, List<String> jvmOptions,
                            Duration startTimeout, Path workingDirectory, Path mavenLocalRepository, URI mavenRemote) {
    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");
    public static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

    public KernelOptions {
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(maxHeap, "maxHeap");
        if (!HEAP.matcher(maxHeap).matches()) {
            throw new IllegalArgumentException("maxHeap must look like 512m or 2g, not '" + maxHeap + "'");
        }
        classPath = List.copyOf(classPath);
        jvmOptions = List.copyOf(jvmOptions);
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(mavenLocalRepository, "mavenLocalRepository");
    }

    /**
     * This JVM's JDK, a 2 GB heap, this JVM's class path (manifest-only jars expanded), the
     * current directory, ~/.m2/repository and Maven Central.
     */
    public static KernelOptions defaults() {
        String repo = System.getProperty("maven.repo.local");
        Path local = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new KernelOptions(Path.of(System.getProperty("java.home")), "2g", ClassPaths.ofThisJvm(), List.of(),
                Duration.ofSeconds(60), Path.of("").toAbsolutePath(), local, MAVEN_CENTRAL);
    }

    public KernelOptions withMaxHeap(String heap) {
        return new KernelOptions(javaHome, heap, classPath, jvmOptions, startTimeout, workingDirectory, mavenLocalRepository, mavenRemote);
    }

    public KernelOptions withClassPath(List<Path> path) {
        return new KernelOptions(javaHome, maxHeap, path, jvmOptions, startTimeout, workingDirectory, mavenLocalRepository, mavenRemote);
    }

    public KernelOptions withJvmOptions(List<String> options) {
        return new KernelOptions(javaHome, maxHeap, classPath, options, startTimeout, workingDirectory, mavenLocalRepository, mavenRemote);
    }

    public KernelOptions withWorkingDirectory(Path dir) {
        return new KernelOptions(javaHome, maxHeap, classPath, jvmOptions, startTimeout, dir, mavenLocalRepository, mavenRemote);
    }

    /** @param remote the repository to download from, or null to resolve from the local repository only */
    public KernelOptions withMaven(Path localRepository, URI remote) {
        return new KernelOptions(javaHome, maxHeap, classPath, jvmOptions, startTimeout, workingDirectory, localRepository, remote);
    }
}
