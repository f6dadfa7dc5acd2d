package dev.osprey.core.workspace;

/** An expected failure opening or changing a workspace; the message is meant for the user. */
public class WorkspaceException extends Exception {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
