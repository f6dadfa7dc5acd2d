package dev.osprey.notebook.run;

import dev.osprey.notebook.kernel.ExecutionEvent;
import dev.osprey.notebook.model.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a cell's kernel events into nbformat outputs, as Jupyter stores them: consecutive pieces
 * of the same stream merged, the result as execute_result, errors with their cell line.
 * The notebook editor and the headless runner both use it.
 */
public final class CellOutputs {
    private CellOutputs() {
    }

    public static List<Output> of(List<ExecutionEvent> events, int executionCount) {
        List<Output> out = new ArrayList<>();
        for (ExecutionEvent e : events) {
            switch (e) {
                case ExecutionEvent.Stdout(String text) -> appendStream(out, "stdout", text);
                case ExecutionEvent.Stderr(String text) -> appendStream(out, "stderr", text);
                case ExecutionEvent.DisplayData d -> out.add(new Output.DisplayData(data(d.bundle().data()), Map.of()));
                case ExecutionEvent.Result r -> out.add(new Output.ExecuteResult(executionCount, data(r.bundle().data()), Map.of()));
                case ExecutionEvent.Error err -> out.add(error(err));
                case ExecutionEvent.Completed c -> {
                    // the end of the cell is its execution count, not an output
                }
            }
        }
        return out;
    }

    public static Output.Error error(ExecutionEvent.Error err) {
        List<String> tb = new ArrayList<>();
        tb.add(err.name() + ": " + err.message() + (err.line() > 0 ? " (line " + err.line() + ")" : ""));
        tb.addAll(err.traceback());
        return new Output.Error(err.name(), err.message(), tb);
    }

    private static void appendStream(List<Output> out, String name, String text) {
        if (!out.isEmpty() && out.getLast() instanceof Output.Stream(String last, String before) && last.equals(name)) {
            out.set(out.size() - 1, new Output.Stream(name, before + text));
        } else {
            out.add(new Output.Stream(name, text));
        }
    }

    private static Map<String, Object> data(Map<String, String> bundle) {
        return new LinkedHashMap<>(bundle);
    }
}
