package dev.osprey.notebook.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * What the editor asks a kernel between cells: completions, documentation, variables. Each waits
 * briefly for the session and answers nothing while a cell runs (JShell serves one caller at a time).
 */
final class Introspection {
    private static final long WAIT_MILLIS = 250;
    private static final int SUMMARY_LENGTH = 80;

    private Introspection() {
    }

    static Completions complete(KernelSession s, String cell, int cursor) {
        checkCursor(cell, cursor);
        Completions c = s.tryLocked(WAIT_MILLIS, () -> {
            SourceCodeAnalysis analysis = s.shell().sourceCodeAnalysis();
            String code = CellSource.parse(cell).text();
            int start = pieceStart(analysis, code, cursor);
            int[] anchor = new int[1];
            List<SourceCodeAnalysis.Suggestion> found = analysis.completionSuggestions(code.substring(start, cursor), cursor - start, anchor);
            List<Completions.Suggestion> out = new ArrayList<>();
            for (SourceCodeAnalysis.Suggestion sg : found) {
                out.add(new Completions.Suggestion(sg.continuation(), sg.matchesType()));
            }
            out.sort((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()));
            return new Completions(start + anchor[0], out);
        });
        return c == null ? Completions.none(cursor) : c;
    }

    static List<Documentation> documentation(KernelSession s, String cell, int cursor, boolean javadoc) {
        checkCursor(cell, cursor);
        List<Documentation> docs = s.tryLocked(WAIT_MILLIS, () -> {
            SourceCodeAnalysis analysis = s.shell().sourceCodeAnalysis();
            String code = CellSource.parse(cell).text();
            int start = pieceStart(analysis, code, cursor);
            List<Documentation> out = new ArrayList<>();
            for (SourceCodeAnalysis.Documentation d : analysis.documentation(code.substring(start, cursor), cursor - start, javadoc)) {
                out.add(new Documentation(d.signature(), d.javadoc()));
            }
            return out;
        });
        return docs == null ? List.of() : docs;
    }

    static List<VariableInfo> variables(KernelSession s) {
        List<VariableInfo> vars = s.tryLocked(WAIT_MILLIS, () -> {
            JShell shell = s.shell();
            List<VariableInfo> out = new ArrayList<>();
            for (VarSnippet v : shell.variables().toList()) {
                if (shell.status(v) != Snippet.Status.VALID || v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                    continue;
                }
                out.add(new VariableInfo(v.name(), v.typeName(), summary(shell.varValue(v))));
            }
            return out;
        });
        return vars == null ? List.of() : vars;
    }

    /** One line, at most {@value #SUMMARY_LENGTH} characters. */
    static String summary(String value) {
        String line = value.replaceAll("\\s+", " ").strip();
        return line.length() <= SUMMARY_LENGTH ? line : line.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    private static void checkCursor(String cell, int cursor) {
        if (cursor < 0 || cursor > cell.length()) {
            throw new IllegalArgumentException("cursor " + cursor + " is outside the cell (length " + cell.length() + ")");
        }
    }

    /** Where the snippet that holds the cursor starts, so JShell sees one snippet, not the whole cell. */
    private static int pieceStart(SourceCodeAnalysis analysis, String code, int cursor) {
        CellSource source = CellSource.parse(code.substring(0, cursor));
        int start = 0;
        for (CellSource.Piece p : source.pieces(analysis)) {
            if (p.offset() <= cursor) {
                start = p.offset();
            }
        }
        return start;
    }
}
