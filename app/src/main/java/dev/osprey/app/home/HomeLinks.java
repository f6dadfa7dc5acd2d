package dev.osprey.app.home;

import dev.osprey.core.experiment.RunId;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where Home's entries lead: each shows another page with the chosen thing selected. The
 * composition root supplies them, so the Home package does not depend on the other pages.
 *
 * @param dataset the Data page; receives null when no particular dataset was chosen
 * @param notebook the Notebooks page, opening the file in a tab
 * @param model the Models page with the named model selected
 * @param run the Experiments page with the run's experiment shown and the run selected
 */
public record HomeLinks(Consumer<DatasetRow> dataset, Consumer<Path> notebook, Consumer<String> model, Consumer<RunId> run) {
    public HomeLinks {
        Objects.requireNonNull(dataset);
        Objects.requireNonNull(notebook);
        Objects.requireNonNull(model);
        Objects.requireNonNull(run);
    }
}
