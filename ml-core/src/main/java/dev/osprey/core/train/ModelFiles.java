package dev.osprey.core.train;

import dev.osprey.core.workspace.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Model files: a short header, then the model as a Java-serialized {@link TrainedModel}. A model
 * file is untrusted input, so reading checks its SHA-256 against the one recorded when it was
 * written before any byte is deserialized, and deserializes through {@link ModelFilter}.
 */
public final class ModelFiles {
    static final byte[] MAGIC = "OSPREY-MODEL/1\n".getBytes(StandardCharsets.US_ASCII);
    /** Larger files are refused before they are read into memory. */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024 - 64;

    private ModelFiles() {
    }

    public static byte[] toBytes(TrainedModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(MAGIC);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code model} to {@code target} atomically; returns the file's SHA-256 (hex). */
    public static String write(TrainedModel model, Path target) throws IOException {
        byte[] bytes = toBytes(model);
        AtomicFiles.write(target, out -> out.write(bytes));
        return sha256(bytes);
    }

    /**
     * Reads a model file whose SHA-256 must be {@code expectedSha256}. {@code shownAs} names the
     * file in messages (e.g. {@code models/churn/1/model.bin}).
     */
    public static TrainedModel read(Path file, String expectedSha256, String shownAs) throws ModelFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ModelFileException("The model file " + shownAs + " is too large (" + size + " bytes) to load.");
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelFileException("The model file " + shownAs + " is missing.", e);
        } catch (IOException e) {
            throw new ModelFileException("The model file " + shownAs + " cannot be read: " + e.getMessage(), e);
        }
        if (!sha256(bytes).equalsIgnoreCase(expectedSha256)) {
            throw new ModelFileException("The model file " + shownAs + " was changed since it was registered"
                    + " (its SHA-256 does not match); Osprey will not load it.");
        }
        return fromBytes(bytes, shownAs);
    }

    /** Deserializes model bytes through the filter (no checksum check: callers check first). */
    static TrainedModel fromBytes(byte[] bytes, String shownAs) throws ModelFileException {
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFileException("The file " + shownAs + " is not an Osprey model file.");
        }
        ModelFilter filter = new ModelFilter(bytes.length);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - MAGIC.length))) {
            in.setObjectInputFilter(filter);
            Object o = in.readObject();
            if (!(o instanceof TrainedModel model)) {
                throw new ModelFileException("The file " + shownAs + " does not hold a model.");
            }
            if (in.read() != -1) {
                throw new ModelFileException("The model file " + shownAs + " has unexpected bytes after the model.");
            }
            return model;
        } catch (InvalidClassException e) {
            String reason = filter.rejection();
            throw new ModelFileException("The model file " + shownAs + " was refused: "
                    + (reason != null ? reason : e.getMessage()) + ".", e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            String reason = filter.rejection();
            throw new ModelFileException("The model file " + shownAs + " cannot be read"
                    + (reason != null ? " (refused: " + reason + ")" : ": " + e) + ".", e);
        } catch (StackOverflowError e) {
            throw new ModelFileException("The model file " + shownAs + " was refused: it is nested too deeply.");
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
