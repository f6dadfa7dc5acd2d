package dev.osprey.app.shell;

import java.util.Optional;

/**
 * Makes the main window's pages. The composition root supplies it, so the shell (which defines
 * {@link Page}) never depends on the packages that implement pages.
 */
@FunctionalInterface
public interface PageFactory {
    /** The page for {@code item}, created once; empty for a page not built yet (the shell shows its notice). */
    Optional<Page> create(NavItem item, PageServices services);
}
