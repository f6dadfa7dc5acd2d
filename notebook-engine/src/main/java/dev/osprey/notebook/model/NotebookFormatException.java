package dev.osprey.notebook.model;

/** A file is not a notebook this version understands; the message says where and why. */
public class NotebookFormatException extends Exception {
    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
