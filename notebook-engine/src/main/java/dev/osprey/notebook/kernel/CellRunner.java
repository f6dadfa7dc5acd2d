package dev.osprey.notebook.kernel;

import dev.osprey.notebook.maven.Coordinates;
import dev.osprey.notebook.maven.MavenException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.slf4j.LoggerFactory;

/**
 * Runs one cell on a kernel session: its {@code %maven} lines, then each snippet in turn, turning
 * what JShell reports into {@link ExecutionEvent}s. The first failing snippet ends the cell.
 * Runs on the kernel's worker thread only.
 */
final class CellRunner {
    private static final String DISPLAY = "dev.osprey.notebook.kernel.display.Display";
    private static final Set<String> PLAIN_TYPES = Set.of("boolean", "byte", "short", "int", "long", "float", "double",
            "char", "String", "java.lang.String", "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double",
            "Character", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean");

    private final KernelSession session;
    private final Execution execution;
    private final CellSource cell;
    private final Map<String, Integer> snippetOffsets = new HashMap<>();

    CellRunner(KernelSession session, Execution execution) {
        this.session = session;
        this.execution = execution;
        this.cell = CellSource.parse(execution.source());
    }

    /**
     * Runs the cell; a failure of the kernel machinery itself becomes the cell's error (or, when
     * the JVM is gone, {@link ExecutionOutcome#KERNEL_DIED}) instead of escaping the worker.
     */
    static ExecutionOutcome runGuarded(KernelSession session, Execution execution) {
        try {
            return new CellRunner(session, execution).run();
        } catch (IllegalStateException e) {
            return session.alive() ? internalError(execution, e) : ExecutionOutcome.KERNEL_DIED;
        } catch (RuntimeException e) {
            return internalError(execution, e);
        }
    }

    private static ExecutionOutcome internalError(Execution execution, RuntimeException e) {
        LoggerFactory.getLogger(CellRunner.class).warn("The kernel failed to run a cell", e);
        execution.emit(new ExecutionEvent.Error("KernelError", e.toString(), 0, List.of()));
        return ExecutionOutcome.ERROR;
    }

    ExecutionOutcome run() {
        if (!cell.magics().isEmpty() && !resolveMagics()) {
            return ExecutionOutcome.ERROR;
        }
        List<CellSource.Piece> pieces = session.locked(() -> cell.pieces(session.shell().sourceCodeAnalysis()));
        SnippetEvent last = null;
        for (CellSource.Piece piece : pieces) {
            List<SnippetEvent> events = session.locked(() -> session.shell().eval(piece.source()));
            if (!session.alive()) {
                return ExecutionOutcome.KERNEL_DIED;
            }
            if (execution.interrupted()) {
                execution.emit(new ExecutionEvent.Error("Interrupted", "the cell was interrupted", cell.firstCodeLine(piece), List.of()));
                return ExecutionOutcome.INTERRUPTED;
            }
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue; // a knock-on update of an older snippet, not this piece
                }
                snippetOffsets.put(e.snippet().id(), piece.offset());
                if (!report(e, piece)) {
                    return ExecutionOutcome.ERROR;
                }
                last = e;
            }
        }
        if (last != null && last.value() != null && hasValue(last.snippet())) {
            showResult(last);
        }
        return ExecutionOutcome.OK;
    }

    /** Emits what a snippet's evaluation says; false if it failed. */
    private boolean report(SnippetEvent e, CellSource.Piece piece) {
        Snippet s = e.snippet();
        if (e.status() == Snippet.Status.REJECTED) {
            compileError(s, piece);
            return false;
        }
        if (e.exception() != null) {
            runtimeError(e.exception(), piece);
            return false;
        }
        if (s instanceof DeclarationSnippet decl && (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)) {
            List<String> missing = session.locked(() -> session.shell().unresolvedDependencies(decl).toList());
            if (!missing.isEmpty()) {
                execution.emit(new ExecutionEvent.Stderr("note: " + decl.name() + " cannot be used until "
                        + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " declared\n"));
            }
        }
        return true;
    }

    private void compileError(Snippet s, CellSource.Piece piece) {
        List<Diag> diags = session.locked(() -> session.shell().diagnostics(s).filter(Diag::isError).toList());
        if (diags.isEmpty()) {
            int line = cell.firstCodeLine(piece);
            execution.emit(new ExecutionEvent.Error("CompilationError", "this code is incomplete or not Java", line,
                    List.of("line " + line + ": " + cell.line(line).strip())));
            return;
        }
        List<String> detail = new ArrayList<>();
        int firstLine = 0;
        String firstMessage = "";
        for (Diag d : diags) {
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            int line = pos >= 0 ? cell.lineOf(piece.offset() + (int) pos) : cell.firstCodeLine(piece);
            String message = d.getMessage(null);
            if (firstLine == 0) {
                firstLine = line;
                firstMessage = message;
            }
            detail.add("line " + line + ": " + message);
            detail.add("    " + cell.line(line).strip());
        }
        execution.emit(new ExecutionEvent.Error("CompilationError", firstMessage, firstLine, detail));
    }

    private void runtimeError(JShellException ex, CellSource.Piece piece) {
        String name;
        if (ex instanceof EvalException ee) {
            name = ee.getExceptionClassName();
        } else if (ex instanceof UnresolvedReferenceException ure) {
            name = "UnresolvedReference";
            DeclarationSnippet decl = ure.getSnippet();
            List<String> missing = session.locked(() -> session.shell().unresolvedDependencies(decl).toList());
            execution.emit(new ExecutionEvent.Error(name, decl.name() + " cannot be used until "
                    + String.join(", ", missing) + " is declared", lineOf(ex.getStackTrace(), piece), List.of()));
            return;
        } else {
            name = ex.getClass().getName();
        }
        List<String> trace = new ArrayList<>();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String tName = t instanceof EvalException e2 ? e2.getExceptionClassName() : t.getClass().getName();
            trace.add((t == ex ? "" : "Caused by: ") + tName + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement el : t.getStackTrace()) {
                trace.add("    at " + describe(el));
            }
        }
        execution.emit(new ExecutionEvent.Error(name, ex.getMessage(), lineOf(ex.getStackTrace(), piece), trace));
    }

    /** The cell line of the first stack frame in a snippet of this cell. */
    private int lineOf(StackTraceElement[] stack, CellSource.Piece fallback) {
        for (StackTraceElement el : stack) {
            Integer offset = snippetOffsetOf(el);
            if (offset != null && el.getLineNumber() > 0) {
                return cell.lineOf(offset) + el.getLineNumber() - 1;
            }
        }
        return cell.firstCodeLine(fallback);
    }

    private Integer snippetOffsetOf(StackTraceElement el) {
        String file = el.getFileName();
        return file != null && file.startsWith("#") ? snippetOffsets.get(file.substring(1)) : null;
    }

    private String describe(StackTraceElement el) {
        Integer offset = snippetOffsetOf(el);
        String method = el.getMethodName().equals("do_it$") ? "" : el.getMethodName();
        if (offset != null && el.getLineNumber() > 0) {
            return (method.isEmpty() ? "" : method + " ") + "(cell line " + (cell.lineOf(offset) + el.getLineNumber() - 1) + ")";
        }
        if (el.getFileName() != null && el.getFileName().startsWith("#")) {
            return (method.isEmpty() ? "" : method + " ") + "(" + el.getFileName() + ":" + el.getLineNumber() + ", an earlier cell)";
        }
        return el.toString();
    }

    private static boolean hasValue(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, ASSIGNMENT_SUBKIND -> true;
            default -> false;
        };
    }

    /** The last expression's value: plain text for simple types, the kernel's rich rendering for objects. */
    private void showResult(SnippetEvent last) {
        Snippet s = last.snippet();
        String name = s instanceof VarSnippet v ? v.name() : ((ExpressionSnippet) s).name();
        String type = s instanceof VarSnippet v ? v.typeName() : ((ExpressionSnippet) s).typeName();
        if (!PLAIN_TYPES.contains(type) && !"null".equals(last.value())) {
            List<SnippetEvent> shown = session.locked(() -> session.shell().eval(DISPLAY + ".result(" + name + ");"));
            boolean ok = shown.stream().allMatch(e -> e.status() == Snippet.Status.VALID && e.exception() == null);
            if (ok && session.alive()) {
                return; // the kernel sent the rich result as a display frame
            }
        }
        execution.emit(new ExecutionEvent.Result(MimeBundle.text(last.value())));
    }

    private boolean resolveMagics() {
        for (CellSource.Magic magic : cell.magics()) {
            try {
                List<Coordinates> roots = magic.coordinates().stream().map(Coordinates::parse).toList();
                if (roots.isEmpty()) {
                    throw new IllegalArgumentException("%maven needs group:artifact:version");
                }
                List<Path> jars = session.addMaven(roots);
                execution.emit(new ExecutionEvent.Stdout("added " + roots.stream().map(Coordinates::toString).collect(Collectors.joining(", "))
                        + (jars.size() > roots.size() ? " and " + (jars.size() - roots.size()) + " dependencies" : "") + "\n"));
            } catch (MavenException | IllegalArgumentException e) {
                execution.emit(new ExecutionEvent.Error("MavenResolutionError", e.getMessage(), magic.line(), List.of()));
                return false;
            }
        }
        return true;
    }
}
