package dev.osprey.notebook.maven;

/** An artifact could not be resolved; the message names it and says where it was looked for. */
public class MavenException extends Exception {
    public MavenException(String message) {
        super(message);
    }

    public MavenException(String message, Throwable cause) {
        super(message, cause);
    }
}
