package dev.osprey.notebook.kernel;

import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.notebook.kernel.agent.DisplayFrames;
import dev.osprey.notebook.kernel.agent.KernelAgent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the kernel JVM's own class path: a jar with only the agent's classes. Everything else
 * reaches the kernel through {@code addToClasspath}, in a child class loader; if the display
 * helpers sat on the kernel's own class path they could not see Smile there.
 * The jar is content-addressed, so concurrent kernels share it and never see half of it.
 */
final class AgentJar {
    private static final List<Class<?>> CLASSES = List.of(
            KernelAgent.class, DisplayFrames.class, DisplayFrames.Frame.class, DisplayFrames.Decoder.class);

    private AgentJar() {
    }

    static Path ensure(Path dir) {
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> c : CLASSES) {
                String name = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("class file " + name + " is not readable");
                    }
                    byte[] bytes = in.readAllBytes();
                    entries.put(name, bytes);
                    sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update(bytes);
                }
            }
            Path jar = dir.resolve("osprey-kernel-agent-" + HexFormat.of().formatHex(sha.digest(), 0, 8) + ".jar");
            if (!Files.isRegularFile(jar)) {
                AtomicFiles.write(jar, out -> writeJar(out, entries));
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernel agent jar to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void writeJar(java.io.OutputStream out, Map<String, byte[]> entries) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, KernelAgent.class.getName());
        JarOutputStream jar = new JarOutputStream(out, mf);
        for (var e : entries.entrySet()) {
            jar.putNextEntry(new JarEntry(e.getKey()));
            jar.write(e.getValue());
            jar.closeEntry();
        }
        jar.finish();
    }
}
