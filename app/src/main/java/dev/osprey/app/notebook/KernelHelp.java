package dev.osprey.app.notebook;

import dev.osprey.notebook.kernel.Completions;
import dev.osprey.notebook.kernel.Documentation;
import dev.osprey.notebook.kernel.Kernel;
import dev.osprey.notebook.kernel.VariableInfo;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What the kernel tells the editor besides running cells: completions (Tab), documentation
 * (Shift+Tab) and its variables. JShell's source analysis runs on {@code io}, never the UI
 * thread; the answers come back through {@code ui}.
 */
public final class KernelHelp {
    private final Kernel kernel;
    private final Executor ui;
    private final Executor io;
    private final ObservableList<VariableInfo> variables = FXCollections.observableArrayList();
    private final ObservableList<VariableInfo> variablesView = FXCollections.unmodifiableObservableList(variables);
    private boolean closed;

    KernelHelp(Kernel kernel, Executor ui, Executor io) {
        this.kernel = kernel;
        this.ui = ui;
        this.io = io;
    }

    /** Completion candidates at {@code caret} in {@code text}. */
    public CompletableFuture<Completions> complete(String text, int caret) {
        return CompletableFuture.supplyAsync(() -> kernel.complete(text, caret), io).thenApplyAsync(c -> c, ui);
    }

    /** The signature and javadoc of what is at {@code caret}. */
    public CompletableFuture<List<Documentation>> documentation(String text, int caret) {
        return CompletableFuture.supplyAsync(() -> kernel.documentation(text, caret, true), io).thenApplyAsync(d -> d, ui);
    }

    /** The kernel's variables (name, type, short value), as of the last refresh. */
    public ObservableList<VariableInfo> variables() {
        return variablesView;
    }

    /** Reads the kernel's variables again (after each cell, and from the panel's refresh button). */
    public CompletableFuture<Void> refreshVariables() {
        return CompletableFuture.supplyAsync(kernel::variables, io).thenAcceptAsync(vars -> {
            if (!closed) {
                variables.setAll(vars);
            }
        }, ui);
    }

    void clearVariables() {
        variables.clear();
    }

    void close() {
        closed = true;
        variables.clear();
    }
}
