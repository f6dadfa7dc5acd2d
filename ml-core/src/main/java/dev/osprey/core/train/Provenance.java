package dev.osprey.core.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Where a model came from beyond its data: the versions of the libraries and the runtime. */
final class Provenance {
    private Provenance() {
    }

    static Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("osprey.lib.smile", version(smile.regression.OLS.class, "com.github.haifengl", "smile-core"));
        m.put("osprey.lib.xgboost", version(ml.dmlc.xgboost4j.java.XGBoost.class, "ml.dmlc", "xgboost4j_2.12"));
        m.put("osprey.lib.duckdb", DuckVersion.VALUE);
        m.put("osprey.lib.sqlite", version(org.sqlite.JDBC.class, "org.xerial", "sqlite-jdbc"));
        m.put("osprey.jvm", System.getProperty("java.vendor", "?") + " " + Runtime.version());
        m.put("osprey.os", System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "") + " ("
                + System.getProperty("os.arch", "?") + ")");
        return m;
    }

    /** The DuckDB jar has no version file; its driver reports it (computed once per JVM, it never changes). */
    private static final class DuckVersion {
        static final String VALUE = duckdb();

        private static String duckdb() {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
                return c.getMetaData().getDriverVersion();
            } catch (java.sql.SQLException e) {
                return "unknown";
            }
        }
    }

    /** The jar's Maven version (pom.properties), else its manifest's Implementation-Version, else "unknown". */
    static String version(Class<?> inJar, String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = inJar.getResourceAsStream(path)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (IOException ignored) {
            // fall back to the manifest
        }
        String v = inJar.getPackage() == null ? null : inJar.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
