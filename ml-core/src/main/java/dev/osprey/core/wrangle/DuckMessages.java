package dev.osprey.core.wrangle;

import java.sql.SQLException;
import java.util.List;

/** DuckDB's error text made short: the first line without its error class, plus the hint line when there is one. */
final class DuckMessages {
    private DuckMessages() {
    }

    static String clean(SQLException e) {
        String m = String.valueOf(e.getMessage());
        List<String> lines = m.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "DuckDB failed without a message.";
        }
        String first = lines.getFirst().replaceFirst("^(java\\.sql\\.SQLException: )?", "")
                .replaceFirst("^[A-Za-z ]+ Error: ", "");
        // Names of Osprey's internal relations mean nothing to the user.
        first = first.replaceAll("\\bs\\d+\\.", "").replace(" in FROM clause!", ".").replace(" in FROM clause", "");
        for (String l : lines) {
            if (l.startsWith("Candidate bindings:") || l.startsWith("Did you mean")) {
                return first + " " + l.replaceAll("\\bs\\d+\\.", "");
            }
        }
        return first.endsWith(".") ? first : first + ".";
    }
}
