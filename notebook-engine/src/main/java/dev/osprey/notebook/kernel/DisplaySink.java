package dev.osprey.notebook.kernel;

import dev.osprey.notebook.kernel.agent.DisplayFrames;
import java.io.OutputStream;
import java.util.function.Consumer;

/** Receives the kernel's display channel and turns each complete frame into an event. */
final class DisplaySink extends OutputStream {
    private final DisplayFrames.Decoder decoder = new DisplayFrames.Decoder();
    private final Consumer<ExecutionEvent> target;

    DisplaySink(Consumer<ExecutionEvent> target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (DisplayFrames.Frame f : decoder.feed(b, off, len)) {
            MimeBundle bundle = new MimeBundle(f.data());
            target.accept(DisplayFrames.RESULT.equals(f.kind()) ? new ExecutionEvent.Result(bundle) : new ExecutionEvent.DisplayData(bundle));
        }
    }
}
