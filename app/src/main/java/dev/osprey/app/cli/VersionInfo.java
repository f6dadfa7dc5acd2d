package dev.osprey.app.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code osprey --version}: the build's version (a resource Maven filters at build time, so it is
 * right both from target/classes and from the jar) plus the Java runtime and platform, which is
 * what a bug report needs.
 */
public final class VersionInfo implements IVersionProvider {
    private static final String RESOURCE = "/dev/osprey/app/version.properties";

    /** The Osprey version, e.g. {@code 0.1.0-SNAPSHOT}; "development build" when run from unfiltered sources. */
    public static String ospreyVersion() {
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.contains("${")) {
                    return v.strip();
                }
            }
        } catch (IOException ignored) {
            // fall through to the manifest
        }
        String manifest = VersionInfo.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "development build";
    }

    /** One line: {@code Osprey 0.1.0 (Java 25.0.3, Linux amd64)}. */
    public static String versionLine() {
        return "Osprey " + ospreyVersion() + " (Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[] {versionLine()};
    }
}
