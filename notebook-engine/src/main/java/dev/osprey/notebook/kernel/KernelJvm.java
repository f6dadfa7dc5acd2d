package dev.osprey.notebook.kernel;

import dev.osprey.notebook.kernel.agent.KernelAgent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.JdiInitiator;

/**
 * Launches the kernel JVM and attaches JDI to it (JDI is how JShell stops a running snippet).
 * It overrides the launch only to choose the JDK and working directory and to keep the JVM's
 * own console output in a log file, whose tail explains a kernel that died.
 */
final class KernelJvm extends JdiInitiator {
    private final Path javaExecutable;
    private final Path workingDirectory;
    private final Path log;
    // Set from runListenProcess, which JdiInitiator's constructor calls: no initializer on purpose.
    private Process launched;

    KernelJvm(int port, List<String> vmOptions, Path javaHome, Path workingDirectory, Path log, int timeoutMillis) {
        // Java 25 flexible constructor bodies: these fields must be set before super() launches the JVM.
        this.javaExecutable = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        this.workingDirectory = workingDirectory;
        this.log = log;
        super(port, vmOptions, KernelAgent.class.getName(), false, null, timeoutMillis, Map.of());
    }

    @Override
    protected void runListenProcess(String jdiAddress, int controlPort, List<String> vmOptions, ProcessStarted setupVM) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable.toString());
        cmd.add("-agentlib:jdwp=transport=dt_socket,address=" + jdiAddress);
        cmd.addAll(vmOptions);
        cmd.add(KernelAgent.class.getName());
        cmd.add(Integer.toString(controlPort));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = null;
        try {
            p = pb.start();
            launched = p;
            setupVM.processStarted(p);
        } catch (Throwable t) {
            if (p != null) {
                p.destroyForcibly();
            }
            String tail = logTail(log, 20);
            throw new IllegalStateException("the kernel JVM did not start (" + javaExecutable + ")"
                    + (tail.isBlank() ? ": " + t : ":\n" + tail), t);
        }
    }

    Process kernelProcess() {
        return launched;
    }

    /** The last {@code lines} lines the kernel JVM itself printed (JVM errors, not cell output). */
    static String logTail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
