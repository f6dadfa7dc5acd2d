package dev.osprey.core.registry;

/** An expected failure of the model registry (an unknown model, a changed model file); the message is for the user. */
public class RegistryException extends Exception {
    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
