package dev.osprey.notebook.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a code cell showed, in nbformat's four kinds. Mime data values are Strings (text, base64
 * images), or JSON values for JSON mime types.
 */
public sealed interface Output permits Output.Stream, Output.DisplayData, Output.ExecuteResult, Output.Error {

    /** Printed text; {@code name} is "stdout" or "stderr". */
    record Stream(String name, String text) implements Output {
        public Stream {
            if (!"stdout".equals(name) && !"stderr".equals(name)) {
                throw new IllegalArgumentException("a stream is stdout or stderr, not " + name);
            }
            Objects.requireNonNull(text, "text");
        }
    }

    record DisplayData(Map<String, Object> data, Map<String, Object> metadata) implements Output {
        public DisplayData {
            data = Cell.copy(data);
            metadata = Cell.copy(metadata);
        }
    }

    /** The value of the cell's last expression. */
    record ExecuteResult(int executionCount, Map<String, Object> data, Map<String, Object> metadata) implements Output {
        public ExecuteResult {
            data = Cell.copy(data);
            metadata = Cell.copy(metadata);
        }
    }

    record Error(String ename, String evalue, List<String> traceback) implements Output {
        public Error {
            Objects.requireNonNull(ename, "ename");
            evalue = evalue == null ? "" : evalue;
            traceback = List.copyOf(traceback);
        }
    }
}
