package dev.osprey.core.label;

import dev.osprey.core.workspace.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Shared plumbing of the format codecs: atomic file and folder output, number parsing with line context. */
final class FormatSupport {
    private FormatSupport() {
    }

    @FunctionalInterface
    interface TextWriter {
        void write(Writer out) throws IOException, LabelException;
    }

    static void writeFile(Path out, TextWriter body) throws LabelException {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.write(out, os -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                try {
                    body.write(w);
                } catch (LabelException e) {
                    throw new IOException(e.getMessage(), e);
                }
                w.flush();
            });
        } catch (IOException e) {
            if (e.getCause() instanceof LabelException le) {
                throw le;
            }
            throw new LabelException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface FolderWriter {
        void write(Path dir) throws IOException, LabelException;
    }

    /** Writes a whole folder beside the target, then moves it into place, so a reader never sees half of it. */
    static void writeFolder(Path out, FolderWriter body) throws LabelException {
        Path abs = out.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new LabelException(out + " is a file; this format writes a folder");
        }
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempDirectory(abs.getParent(), AtomicFiles.TEMP_PREFIX);
            try {
                body.write(tmp);
                if (Files.exists(abs)) {
                    deleteTree(abs);
                }
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                if (Files.exists(tmp)) {
                    deleteTree(tmp);
                }
            }
        } catch (IOException e) {
            throw new LabelException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String readText(Path file) throws LabelException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new LabelException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new LabelException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static double number(Object o, String where) throws LabelException {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new LabelException(where + ": expected a number, found " + (o == null ? "nothing" : "'" + o + "'"));
    }

    static LabelTaskType regionOrClassType(LabelTaskType requested) {
        return requested;
    }
}
