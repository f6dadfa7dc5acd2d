package dev.osprey.notebook.maven;

import dev.osprey.core.workspace.AtomicFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small Maven resolver for notebook {@code %maven} lines: artifacts come from the local
 * repository, or are downloaded from one remote repository over HTTPS (checked against the
 * published SHA-1) and stored there. Transitive dependencies follow the POMs' compile and runtime
 * dependencies, breadth first, the nearest version of an artifact winning as in Maven; parents,
 * properties, dependency management and imported BOMs are honoured. Profiles, version ranges
 * beyond their lower bound, and relocations are not.
 */
public final class MavenResolver {
    private static final Set<String> SCOPES = Set.of("", "compile", "runtime");
    private static final Set<String> JAR_TYPES = Set.of("jar", "bundle");

    private final Path local;
    private final URI remote;
    private final Map<Coordinates, Model> models = new HashMap<>();
    private HttpClient http;

    /** The merged view of a POM and its parents. */
    private record Model(Pom pom, Map<String, String> properties, Map<String, Pom.Dependency> managed,
                         Map<String, Pom.Dependency> dependencies) {
    }

    /** @param remote a repository base URI such as Maven Central's, or null to use the local repository only */
    public MavenResolver(Path localRepository, URI remote) {
        this.local = localRepository;
        this.remote = remote == null || remote.toString().endsWith("/") ? remote : URI.create(remote + "/");
    }

    /** The jar files of {@code roots} and their runtime dependencies, roots first. */
    public synchronized List<Path> resolve(List<Coordinates> roots) throws MavenException {
        Map<String, Coordinates> chosen = new LinkedHashMap<>();
        Map<Coordinates, Set<String>> exclusionsOf = new HashMap<>();
        Deque<Coordinates> queue = new ArrayDeque<>();
        for (Coordinates root : roots) {
            if (chosen.putIfAbsent(root.key(), root) == null) {
                exclusionsOf.put(root, Set.of());
                queue.add(root);
            }
        }
        while (!queue.isEmpty()) {
            Coordinates c = queue.poll();
            Model model = model(c.pom());
            for (Pom.Dependency d : model.dependencies().values()) {
                Set<String> excluded = exclusionsOf.get(c);
                if (!SCOPES.contains(d.scope()) || d.optional() || !JAR_TYPES.contains(d.type())
                        || excluded.contains(d.key()) || excluded.contains(d.groupId() + ":*") || excluded.contains("*:*")) {
                    continue;
                }
                String version = d.version();
                if (version.isEmpty() && model.managed().containsKey(d.key())) {
                    version = model.managed().get(d.key()).version();
                }
                Coordinates dep = new Coordinates(d.groupId(), d.artifactId(), lowerBound(version, d, c), d.classifier());
                if (chosen.putIfAbsent(dep.key(), dep) == null) {
                    Set<String> inherited = new HashSet<>(excluded);
                    inherited.addAll(d.exclusions());
                    exclusionsOf.put(dep, inherited);
                    queue.add(dep);
                }
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Coordinates c : chosen.values()) {
            if (model(c.pom()).pom().packaging().equals("pom")) {
                continue; // an aggregator: its dependencies are the point, it has no jar
            }
            jars.add(file(c, "jar"));
        }
        return jars;
    }

    private static String lowerBound(String version, Pom.Dependency d, Coordinates from) throws MavenException {
        if (version.isEmpty() || version.contains("${")) {
            throw new MavenException("cannot tell which version of " + d.key() + " " + from + " needs ('" + version + "')");
        }
        if (version.startsWith("[")) {
            String low = version.substring(1).split(",")[0].replace("]", "").strip();
            if (!low.isEmpty()) {
                return low;
            }
        }
        if (version.startsWith("[") || version.startsWith("(")) {
            throw new MavenException(from + " asks for " + d.key() + " in the range " + version + "; name a version with %maven");
        }
        return version;
    }

    private Model model(Coordinates c) throws MavenException {
        Model cached = models.get(c);
        if (cached != null) {
            return cached;
        }
        Pom pom = Pom.read(file(c, "pom"));
        Map<String, String> props = new HashMap<>();
        Map<String, Pom.Dependency> managed = new LinkedHashMap<>();
        Map<String, Pom.Dependency> deps = new LinkedHashMap<>();
        if (pom.parent().isPresent()) {
            Model parent = model(pom.parent().get());
            props.putAll(parent.properties());
            managed.putAll(parent.managed());
            deps.putAll(parent.dependencies());
            props.put("project.parent.version", parent.pom().self().version());
            props.put("project.parent.groupId", parent.pom().self().groupId());
        }
        props.putAll(pom.properties());
        props.put("project.version", pom.self().version());
        props.put("project.groupId", pom.self().groupId());
        props.put("project.artifactId", pom.self().artifactId());
        props.put("pom.version", pom.self().version());
        props.put("version", pom.self().version());
        Map<String, Pom.Dependency> imports = new LinkedHashMap<>();
        for (Pom.Dependency d : pom.managed()) {
            Pom.Dependency m = interpolate(d, props);
            if (m.scope().equals("import") && m.type().equals("pom")) {
                imports.put(m.key(), m);
            } else {
                managed.put(m.key(), m);
            }
        }
        for (Pom.Dependency bom : imports.values()) {
            model(new Coordinates(bom.groupId(), bom.artifactId(), bom.version(), "")).managed().forEach(managed::putIfAbsent);
        }
        for (Pom.Dependency d : pom.dependencies()) {
            Pom.Dependency m = interpolate(d, props);
            Pom.Dependency mgmt = managed.get(m.key());
            if (mgmt != null && m.scope().isEmpty() && !mgmt.scope().isEmpty()) {
                m = new Pom.Dependency(m.groupId(), m.artifactId(), m.version(), m.classifier(), m.type(), mgmt.scope(), m.optional(), m.exclusions());
            }
            deps.put(m.key(), m);
        }
        Model model = new Model(pom, props, managed, deps);
        models.put(c, model);
        return model;
    }

    private static Pom.Dependency interpolate(Pom.Dependency d, Map<String, String> p) {
        return new Pom.Dependency(Pom.interpolate(d.groupId(), p), Pom.interpolate(d.artifactId(), p), Pom.interpolate(d.version(), p),
                Pom.interpolate(d.classifier(), p), Pom.interpolate(d.type(), p), Pom.interpolate(d.scope(), p), d.optional(), d.exclusions());
    }

    /** The local file of an artifact, downloaded first if it is missing. */
    private Path file(Coordinates c, String extension) throws MavenException {
        String relative = c.directory() + c.fileName(extension);
        Path path = local.resolve(relative);
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (remote == null) {
            throw new MavenException(c + " (" + extension + ") is not in " + local + " and downloading is off");
        }
        byte[] bytes = download(remote.resolve(relative), true);
        byte[] sha1 = download(remote.resolve(relative + ".sha1"), false);
        if (sha1 != null) {
            String expected = new String(sha1, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
            String actual = sha1Hex(bytes);
            if (!expected.equalsIgnoreCase(actual)) {
                throw new MavenException("the download of " + c + " (" + extension + ") is damaged: SHA-1 " + actual + ", expected " + expected);
            }
        }
        try {
            AtomicFiles.write(path, out -> out.write(bytes));
        } catch (IOException e) {
            throw new MavenException("cannot store " + c + " in " + local + ": " + e.getMessage(), e);
        }
        return path;
    }

    private byte[] download(URI uri, boolean required) throws MavenException {
        if (http == null) {
            http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return response.body();
            }
            if (!required) {
                return null;
            }
            throw new MavenException(response.statusCode() == 404 ? uri + " does not exist" : uri + " answered HTTP " + response.statusCode());
        } catch (IOException e) {
            throw new MavenException("cannot download " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MavenException("download of " + uri + " interrupted", e);
        }
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
