package dev.osprey.notebook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * A cell's text cut into what JShell evaluates one at a time (statements, declarations, imports),
 * with each piece's offset so a compiler position maps back to a line of the cell. Magic lines
 * ({@code %maven g:a:v}, {@code //!mvn g:a:v}) are taken out and replaced by as many spaces, so
 * offsets and line numbers stay those of the cell.
 */
final class CellSource {
    private static final Pattern MAGIC = Pattern.compile("^[ \\t]*(?:%maven|//!mvn)[ \\t]+(.*?)[ \\t]*$");

    /** A snippet: its text and where it starts in the cell. */
    record Piece(int offset, String source) {
    }

    /** A {@code %maven} line: its 1-based line and the coordinates it names. */
    record Magic(int line, List<String> coordinates) {
    }

    private final String text;
    private final List<Magic> magics;

    private CellSource(String text, List<Magic> magics) {
        this.text = text;
        this.magics = List.copyOf(magics);
    }

    static CellSource parse(String cell) {
        String[] lines = cell.split("\n", -1);
        List<Magic> magics = new ArrayList<>();
        StringBuilder code = new StringBuilder(cell.length());
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC.matcher(lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i]);
            if (m.matches()) {
                List<String> coords = new ArrayList<>();
                for (String c : m.group(1).split("[\\s,]+")) {
                    if (!c.isBlank()) {
                        coords.add(c);
                    }
                }
                magics.add(new Magic(i + 1, coords));
                code.append(" ".repeat(lines[i].length())); // same length: offsets into the cell stay valid
            } else {
                code.append(lines[i]);
            }
            if (i < lines.length - 1) {
                code.append('\n');
            }
        }
        return new CellSource(code.toString(), magics);
    }

    /** The cell's code, magic lines blanked (same length as the cell). */
    String text() {
        return text;
    }

    List<Magic> magics() {
        return magics;
    }

    /**
     * Cuts the code into snippets with JShell's own analysis. An incomplete tail (an unclosed
     * brace) becomes one last piece, so that evaluating it reports the compiler's error.
     */
    List<Piece> pieces(SourceCodeAnalysis analysis) {
        List<Piece> pieces = new ArrayList<>();
        String rest = text;
        while (!rest.isBlank()) {
            int offset = text.length() - rest.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break; // only comments or whitespace left
            }
            if (info.source() == null || !c.isComplete() || info.remaining().length() >= rest.length()) {
                pieces.add(new Piece(offset, rest));
                break;
            }
            pieces.add(new Piece(offset, info.source()));
            rest = info.remaining();
        }
        return pieces.stream().map(this::trimLead).toList();
    }

    /**
     * Starts a piece at its first token: JShell numbers a snippet's stack-trace lines from there,
     * while compiler positions count from the text it was given; without leading blank lines and
     * comments the two agree.
     */
    private Piece trimLead(Piece p) {
        String s = p.source();
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i) && !s.startsWith("/**", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    break;
                }
                i = end + 2;
            } else {
                break;
            }
        }
        return i == 0 || i >= s.length() ? p : new Piece(p.offset() + i, s.substring(i));
    }

    /** The 1-based line of the cell at {@code offset} (clamped to the text). */
    int lineOf(int offset) {
        int end = Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The first line of the piece that is not blank (where a message about the whole piece points). */
    int firstCodeLine(Piece piece) {
        int i = piece.offset();
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return lineOf(i);
    }

    /** The text of a 1-based line, for showing under an error. */
    String line(int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
