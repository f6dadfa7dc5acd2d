package dev.osprey.notebook.kernel.agent;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format of rich output between the kernel JVM and the host: one frame per
 * {@code display(x)} or cell result, sent on JShell's multiplexed socket beside stdout, so frames
 * and printed text arrive in the order the cell produced them.
 * A frame is {@code int length} then {@code utf(kind) int n (utf(mime) utf(data))*}, where
 * {@code utf} is an int byte count followed by UTF-8 bytes (display data can exceed 64 KB).
 */
public final class DisplayFrames {
    /** A frame shown where it was produced, like Jupyter's display_data. */
    public static final String DISPLAY = "display";
    /** The rich value of a cell's last expression, like Jupyter's execute_result. */
    public static final String RESULT = "result";

    private DisplayFrames() {
    }

    /** One decoded frame: its kind and its mime bundle (insertion order kept). */
    public record Frame(String kind, Map<String, String> data) {
        public Frame {
            data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }

    public static byte[] encode(String kind, Map<String, String> data) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(body);
            writeString(out, kind);
            out.writeInt(data.size());
            for (var e : data.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.flush();
            ByteArrayOutputStream framed = new ByteArrayOutputStream(body.size() + 4);
            new DataOutputStream(framed).writeInt(body.size());
            body.writeTo(framed);
            return framed.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reassembles frames from the pieces JShell's demultiplexer hands over (at most 127 bytes
     * each). Not thread-safe: the host feeds it from JShell's single output-reader thread.
     */
    public static final class Decoder {
        private byte[] buffer = new byte[4096];
        private int size;

        /** Adds bytes and returns the frames they complete (often none). */
        public List<Frame> feed(byte[] bytes, int off, int len) {
            ensure(size + len);
            System.arraycopy(bytes, off, buffer, size, len);
            size += len;
            List<Frame> frames = new ArrayList<>();
            int pos = 0;
            while (size - pos >= 4) {
                int length = ByteBuffer.wrap(buffer, pos, 4).getInt();
                if (size - pos - 4 < length) {
                    break;
                }
                frames.add(parse(ByteBuffer.wrap(buffer, pos + 4, length)));
                pos += 4 + length;
            }
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, size - pos);
                size -= pos;
            }
            return frames;
        }

        private void ensure(int capacity) {
            if (capacity > buffer.length) {
                byte[] bigger = new byte[Math.max(capacity, buffer.length * 2)];
                System.arraycopy(buffer, 0, bigger, 0, size);
                buffer = bigger;
            }
        }

        private static Frame parse(ByteBuffer in) {
            String kind = readString(in);
            int n = in.getInt();
            Map<String, String> data = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                data.put(readString(in), readString(in));
            }
            return new Frame(kind, data);
        }

        private static String readString(ByteBuffer in) {
            int len = in.getInt();
            String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
            in.position(in.position() + len);
            return s;
        }
    }
}
