package dev.osprey.notebook.kernel;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the kernel's stdout or stderr bytes into text. JShell cuts output into 127-byte packets,
 * which can split a multi-byte character: the decoder keeps the unfinished bytes for the next one.
 * Written to by JShell's single output-reader thread.
 */
final class TextSink extends OutputStream {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final Consumer<String> target;
    private ByteBuffer pending = ByteBuffer.allocate(0);

    TextSink(Consumer<String> target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
        in.put(pending).put(b, off, len).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice();
        out.flip();
        if (out.hasRemaining()) {
            target.accept(out.toString());
        }
    }
}
