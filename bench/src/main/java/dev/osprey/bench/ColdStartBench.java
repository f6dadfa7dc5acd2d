package dev.osprey.bench;

import dev.osprey.core.sample.SampleWorkspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to the first painted window, median of {@code runs} fresh JVMs after one untimed
 * warm-up (which also extracts JavaFX's natives): the studio ({@code dev.osprey.app.Osprey -w sample}
 * with {@code -Dosprey.bench.exitAfterFirstPaint=true}) against a bare JavaFX window ({@link HelloFx}).
 * Two figures per launch: what the JVM reports (ms since JVM start) and the wall time from spawning
 * the process to reading the line (adds JVM boot, and with xvfb the X server's start).
 */
final class ColdStartBench {
    enum Mode {
        /** JavaFX 26's built-in headless Glass platform, software rendering: no X server at all. */
        HEADLESS,
        /** A real GTK window on a virtual X server (xvfb-run). */
        XVFB
    }

    private final Path dir;
    private final int runs;
    private final PrintStream out;

    ColdStartBench(Path dir, int runs, PrintStream out) {
        this.dir = dir;
        this.runs = runs;
        this.out = out;
    }

    record Launch(double jvmMs, double wallMs) {
    }

    void run(List<Mode> modes) throws Exception {
        Path home = dir.resolve("coldstart-home");
        Path sample = SampleWorkspace.ensure(home.resolve("sample-workspace"));
        for (Mode mode : modes) {
            if (mode == Mode.XVFB && !onPath("xvfb-run")) {
                out.println("# cold-start xvfb skipped: xvfb-run is not installed (apt-get install xvfb xauth)");
                continue;
            }
            List<String> ours = List.of("-Dosprey.home=" + home, "-Dosprey.bench.exitAfterFirstPaint=true",
                    "dev.osprey.app.Osprey", "-w", sample.toString());
            List<String> peer = List.of(HelloFx.class.getName());
            Launch o = median(mode, home, ours);
            Launch p = median(mode, home, peer);
            out.printf(Locale.ROOT, "cold-start %-8s  median of %d  ours %.0f ms (wall %.0f ms)  peer bare JavaFX window "
                            + "%.0f ms (wall %.0f ms)  ratio(peer/ours) %.2f%n",
                    mode.name().toLowerCase(Locale.ROOT), runs, o.jvmMs(), o.wallMs(), p.jvmMs(), p.wallMs(),
                    p.jvmMs() / o.jvmMs());
        }
    }

    private Launch median(Mode mode, Path home, List<String> mainAndArgs) throws Exception {
        launch(mode, home, mainAndArgs); // warm-up: page cache, JavaFX native extraction, sample workspace
        double[] jvm = new double[runs];
        double[] wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            Launch l = launch(mode, home, mainAndArgs);
            jvm[i] = l.jvmMs();
            wall[i] = l.wallMs();
        }
        return new Launch(Stats.median(jvm), Stats.median(wall));
    }

    private static Launch launch(Mode mode, Path home, List<String> mainAndArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (mode == Mode.XVFB) {
            cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1440x900x24"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Djavafx.cachedir=" + home.resolve("javafx-cache"));
        if (mode == Mode.HEADLESS) {
            cmd.add("-Dglass.platform=Headless");
            cmd.add("-Dprism.order=sw");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (mode == Mode.HEADLESS) {
            pb.environment().remove("DISPLAY");
        }
        Path err = Files.createTempFile("osprey-coldstart", ".err");
        pb.redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        Double jvmMs = null;
        double wallMs = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("FIRST_PAINT ")) {
                    wallMs = (System.nanoTime() - t0) / 1e6;
                    jvmMs = Double.parseDouble(line.substring("FIRST_PAINT ".length()).strip());
                    break;
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        if (jvmMs == null) {
            throw new IOException("no FIRST_PAINT line from " + String.join(" ", mainAndArgs.subList(0, 1))
                    + " (" + mode + "); exit " + p.exitValue() + "; stderr:\n" + tail(stderr));
        }
        return new Launch(jvmMs, wallMs);
    }

    private static String tail(String s) {
        return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
