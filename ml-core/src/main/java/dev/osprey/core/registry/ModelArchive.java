package dev.osprey.core.registry;

import dev.osprey.core.train.ModelFiles;
import dev.osprey.core.workspace.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The export archive of a model version: a zip with exactly three entries at its root,
 * {@value #MANIFEST} (what was exported and the SHA-256 of the other two), {@code model.bin} and
 * {@code model.json}. An archive is untrusted input: reading accepts only those names (so no
 * entry can point outside the workspace), counts the bytes it actually inflates against a limit
 * (the sizes in the zip can lie), and checks both checksums before the model is deserialized.
 */
final class ModelArchive {
    static final String MANIFEST = "osprey-export.properties";
    static final String FORMAT = "osprey-model-export/1";
    /** Where an imported version keeps the card it was exported with. */
    static final String SOURCE_CARD = "source-model.json";
    /** The same ceiling as for a model file in the workspace. */
    static final long MAX_MODEL_BYTES = 2L * 1024 * 1024 * 1024 - 64;
    static final long MAX_TEXT_BYTES = 16L * 1024 * 1024;

    private ModelArchive() {
    }

    /** What an archive held, the model file already written to a temporary file beside the registry's models. */
    record Contents(Properties manifest, Path modelFile, String sha256, String card) {
        Map<String, Object> provenance(Path zip) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("imported_from", zip.getFileName().toString());
            m.put("exported_name", manifest.getProperty("name", ""));
            m.put("exported_version", manifest.getProperty("version", ""));
            m.put("exported_at", manifest.getProperty("exported_at", ""));
            m.put("source_card", SOURCE_CARD);
            return m;
        }

        void discard() {
            try {
                Files.deleteIfExists(modelFile);
            } catch (IOException ignored) {
                // a temporary file under models/; the workspace sweeps those on open
            }
        }
    }

    static void export(ModelVersion v, Path folder, Path zip) throws RegistryException {
        Path model = folder.resolve(ModelRegistry.MODEL_FILE);
        byte[] card;
        try {
            if (!ModelFiles.sha256(model).equalsIgnoreCase(v.sha256())) {
                throw new RegistryException("The model file " + v.modelFile() + " was changed since it was registered"
                        + " (its SHA-256 does not match); Osprey will not export it.");
            }
            card = Files.readAllBytes(folder.resolve(ModelRegistry.CARD_FILE));
        } catch (IOException e) {
            throw new RegistryException("Cannot read " + v + " in " + v.folder() + ": " + e.getMessage(), e);
        }
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("name", v.name());
        manifest.setProperty("version", Integer.toString(v.version()));
        manifest.setProperty("exported_at", java.time.Instant.now().toString());
        manifest.setProperty("model_sha256", v.sha256());
        manifest.setProperty("card_sha256", ModelFiles.sha256(card));
        try {
            AtomicFiles.write(zip, out -> {
                ZipOutputStream z = new ZipOutputStream(out);
                z.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(z, "Osprey model export");
                z.closeEntry();
                z.putNextEntry(new ZipEntry(ModelRegistry.MODEL_FILE));
                Files.copy(model, z);
                z.closeEntry();
                z.putNextEntry(new ZipEntry(ModelRegistry.CARD_FILE));
                z.write(card);
                z.closeEntry();
                z.finish(); // AtomicFiles closes the file itself
            });
        } catch (IOException e) {
            throw new RegistryException("Cannot write the archive " + zip + ": " + e.getMessage(), e);
        }
        // A version whose file changed during the copy must not leave a valid-looking archive behind.
        try {
            if (!ModelFiles.sha256(model).equalsIgnoreCase(v.sha256())) {
                Files.deleteIfExists(zip);
                throw new RegistryException("The model file " + v.modelFile() + " changed while it was being exported.");
            }
        } catch (IOException e) {
            throw new RegistryException("Cannot check " + v.modelFile() + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks an archive; the caller owns (and must discard) the returned temporary model file. */
    static Contents read(Path zip, Path modelsDir, long maxModelBytes) throws RegistryException {
        String shown = String.valueOf(zip.getFileName());
        Path tmp;
        try {
            tmp = AtomicFiles.tempFileFor(modelsDir.resolve("import.bin"));
        } catch (IOException e) {
            throw new RegistryException("Cannot prepare the import in " + modelsDir + ": " + e.getMessage(), e);
        }
        try {
            Properties manifest = null;
            String modelSha = null;
            byte[] card = null;
            Set<String> seen = new HashSet<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    String name = e.getName();
                    if (!seen.add(name)) {
                        throw new RegistryException("The archive " + shown + " holds '" + name + "' twice; it is not an Osprey model export.");
                    }
                    switch (name) {
                        case MANIFEST -> manifest = properties(copy(in, null, MAX_TEXT_BYTES, shown, name));
                        case ModelRegistry.CARD_FILE -> card = copy(in, null, MAX_TEXT_BYTES, shown, name);
                        case ModelRegistry.MODEL_FILE -> {
                            try (OutputStream out = Files.newOutputStream(tmp)) {
                                modelSha = hex(copy(in, out, maxModelBytes, shown, name));
                            }
                        }
                        default -> throw new RegistryException(unsafe(name)
                                ? "The archive " + shown + " has an entry with an unsafe path ('" + name + "') that points"
                                + " outside its folder; Osprey will not import it."
                                : "The archive " + shown + " holds '" + name + "', which is not part of an Osprey model export.");
                    }
                }
            }
            if (manifest == null || card == null || modelSha == null) {
                throw new RegistryException("The archive " + shown + " is not an Osprey model export: it needs " + MANIFEST
                        + ", " + ModelRegistry.MODEL_FILE + " and " + ModelRegistry.CARD_FILE + ".");
            }
            if (!FORMAT.equals(manifest.getProperty("format"))) {
                throw new RegistryException("The archive " + shown + " has the format '" + manifest.getProperty("format")
                        + "'; this Osprey reads " + FORMAT + ".");
            }
            if (!modelSha.equalsIgnoreCase(manifest.getProperty("model_sha256", ""))
                    || !ModelFiles.sha256(card).equalsIgnoreCase(manifest.getProperty("card_sha256", ""))) {
                throw new RegistryException("The archive " + shown + " was changed after it was exported (a SHA-256 does not"
                        + " match); Osprey will not import it.");
            }
            return new Contents(manifest, tmp, modelSha, new String(card, StandardCharsets.UTF_8));
        } catch (RegistryException e) {
            delete(tmp);
            throw e;
        } catch (ZipException e) {
            delete(tmp);
            throw new RegistryException("The archive " + shown + " is not a valid zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            delete(tmp);
            throw new RegistryException("Cannot read the archive " + shown + ": " + e.getMessage(), e);
        }
    }

    static boolean unsafe(String name) {
        return name.startsWith("/") || name.startsWith("\\") || name.contains("..") || name.contains(":")
                || name.contains("/") || name.contains("\\");
    }

    /**
     * Copies one entry, counting inflated bytes. With {@code out} null the bytes are returned;
     * otherwise they go to {@code out} and the SHA-256 digest is returned.
     */
    private static byte[] copy(InputStream in, OutputStream out, long limit, String zip, String entry)
            throws IOException, RegistryException {
        MessageDigest md = sha256();
        ByteArrayOutputStream kept = out == null ? new ByteArrayOutputStream() : null;
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                throw new RegistryException("The entry '" + entry + "' of the archive " + zip + " is larger than "
                        + limit + " bytes; Osprey will not import it.");
            }
            md.update(buf, 0, n);
            if (out != null) {
                out.write(buf, 0, n);
            } else {
                kept.write(buf, 0, n);
            }
        }
        return out == null ? kept.toByteArray() : md.digest();
    }

    private static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        return p;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file under models/; the workspace sweeps those on open
        }
    }
}
