package dev.osprey.notebook.kernel;

import com.sun.jdi.VirtualMachine;
import dev.osprey.notebook.kernel.agent.KernelAgent;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Plugs Osprey's kernel JVM into {@code JShell.builder().executionEngine(...)}: a loopback
 * socket with TCP_NODELAY on the host end too (both ends need it, one alone still waits
 * ~100 ms per eval), JShell's stdout/stderr plus the display channel multiplexed over it, and
 * JDI for stopping cells and noticing that the JVM died.
 */
final class ControlProvider implements ExecutionControlProvider {
    /** Where the kernel's channels end up on the host. */
    record Sinks(OutputStream out, OutputStream err, OutputStream display) {
        /** Sinks that turn stdout, stderr and display frames into execution events for {@code route}. */
        static Sinks routing(Consumer<ExecutionEvent> route) {
            return new Sinks(new TextSink(text -> route.accept(new ExecutionEvent.Stdout(text))),
                    new TextSink(text -> route.accept(new ExecutionEvent.Stderr(text))),
                    new DisplaySink(route::accept));
        }
    }

    private final List<String> vmOptions;
    private final Path javaHome;
    private final Path workingDirectory;
    private final Path log;
    private final int timeoutMillis;
    private final Sinks sinks;
    private final Consumer<String> onExit;
    private volatile KernelControl control;
    private volatile Process process;

    ControlProvider(List<String> vmOptions, Path javaHome, Path workingDirectory, Path log, int timeoutMillis,
                    Sinks sinks, Consumer<String> onExit) {
        this.vmOptions = List.copyOf(vmOptions);
        this.javaHome = javaHome;
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.timeoutMillis = timeoutMillis;
        this.sinks = sinks;
        this.onExit = onExit;
    }

    @Override
    public String name() {
        return "osprey";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(timeoutMillis);
            KernelJvm jvm = new KernelJvm(listener.getLocalPort(), vmOptions, javaHome, workingDirectory, log, timeoutMillis);
            VirtualMachine vm = jvm.vm();
            process = jvm.kernelProcess();
            Util.detectJdiExitEvent(vm, onExit);
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream toKernel = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", sinks.out());
            outputs.put("err", sinks.err());
            outputs.put(KernelAgent.DISPLAY_CHANNEL, sinks.display());
            // Notebook cells have no console: reading System.in sees end of input.
            Map<String, InputStream> inputs = Map.of("in", InputStream.nullInputStream());
            return Util.remoteInputOutput(socket.getInputStream(), toKernel, outputs, inputs,
                    (in, out) -> control = new KernelControl(out, in, vm, process, socket));
        }
    }

    /** The kernel's process once launched (for its exit code), else null. */
    Process process() {
        return process;
    }

    /** Kills the kernel JVM now; safe from any thread and before the launch finished. */
    void kill() {
        KernelControl c = control;
        if (c != null) {
            c.kill();
        }
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }
}
