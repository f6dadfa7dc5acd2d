package dev.osprey.app.shell;

import dev.osprey.app.AppContext;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What a page may use besides the {@link AppContext}: the workspace switcher (open, new, recent),
 * an executor for file and catalog reads, and navigation to another page.
 */
public record PageServices(AppContext context, WorkspaceSwitcher workspaces, Executor background,
                           Consumer<NavItem> navigate) {
    public PageServices {
        Objects.requireNonNull(context);
        Objects.requireNonNull(workspaces);
        Objects.requireNonNull(background);
        Objects.requireNonNull(navigate);
    }
}
