package dev.osprey.notebook.kernel.agent;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * The main class of a kernel JVM: it connects back to the host, and serves JShell's execution
 * protocol with the JDK's own {@link RemoteExecutionControl}. It differs from JShell's default
 * agent in two ways: the socket has TCP_NODELAY and a write buffer (JShell writes every 127-byte
 * packet separately; with Nagle's algorithm a trivial eval took ~180 ms), and a third output
 * channel, {@value #DISPLAY_CHANNEL}, carries rich display frames.
 *
 * <p>This class and {@link DisplayFrames} are the only classes on the kernel's own class path
 * (a generated jar); everything else arrives through {@code addToClasspath}.
 */
public final class KernelAgent {
    /** The name of the multiplexed channel that carries {@link DisplayFrames}. */
    public static final String DISPLAY_CHANNEL = "osprey-display";

    // One per kernel JVM by design: the JVM exists to serve one host, and snippet code reaches
    // the channel through this static (set once, before any snippet runs).
    private static volatile OutputStream display;

    private KernelAgent() {
    }

    public static void main(String[] args) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        // JShell flushes after every packet it writes, so buffering only merges the pieces of one write.
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true, StandardCharsets.UTF_8)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true, StandardCharsets.UTF_8)));
        outputs.put(DISPLAY_CHANNEL, st -> display = st);
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new RemoteExecutionControl(), in, out, outputs, inputs);
    }

    /**
     * Sends one display frame to the host. Called by the display helpers that snippets use.
     * Flushes {@code System.out} and {@code System.err} first, so text printed before the
     * display call is shown before it.
     */
    public static void send(String kind, Map<String, String> data) {
        OutputStream channel = display;
        if (channel == null) {
            throw new IllegalStateException("not running inside an Osprey kernel: no display channel");
        }
        System.out.flush();
        System.err.flush();
        byte[] frame = DisplayFrames.encode(kind, data);
        try {
            synchronized (channel) {
                channel.write(frame);
                channel.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the connection to the notebook was lost", e);
        }
    }
}
