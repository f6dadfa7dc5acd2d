package dev.osprey.app.automl;

/** Where "Copy as notebook cell" puts its text: the system clipboard in the studio, a field in tests. */
@FunctionalInterface
public interface TextClipboard {
    void put(String text);
}
