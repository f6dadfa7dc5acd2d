package dev.osprey.app.shell;

import dev.osprey.core.workspace.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The list of recently opened workspaces, most recent first, at most {@link #MAX}: a UTF-8 text
 * file with one absolute path per line, rewritten atomically on every change so a crash never
 * leaves half a list. Not thread-safe: the studio calls it from one background task at a time.
 */
public final class RecentWorkspaces {
    public static final int MAX = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RecentWorkspaces.class);

    private final Path file;

    public RecentWorkspaces(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    /** The stored list; empty when there is none. A damaged line is skipped, not fatal. */
    public List<Path> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Cannot read the recent-workspace list {}: {}", file, e.toString());
            return List.of();
        }
        Set<Path> paths = new LinkedHashSet<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                paths.add(normalize(Path.of(s)));
            } catch (InvalidPathException e) {
                LOG.warn("Skipping an unreadable entry in {}: {}", file, s);
            }
            if (paths.size() == MAX) {
                break;
            }
        }
        return List.copyOf(paths);
    }

    /** Puts {@code dir} first (moving it up if it was listed), keeps {@link #MAX}, and saves. */
    public List<Path> add(Path dir) throws IOException {
        Path p = normalize(dir);
        List<Path> next = new ArrayList<>(MAX);
        next.add(p);
        for (Path old : load()) {
            if (!old.equals(p) && next.size() < MAX) {
                next.add(old);
            }
        }
        save(next);
        return List.copyOf(next);
    }

    /** Drops {@code dir} from the list and saves. */
    public List<Path> remove(Path dir) throws IOException {
        Path p = normalize(dir);
        List<Path> next = new ArrayList<>(load());
        if (next.remove(p)) {
            save(next);
        }
        return List.copyOf(next);
    }

    private void save(List<Path> paths) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path p : paths) {
            sb.append(p).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
