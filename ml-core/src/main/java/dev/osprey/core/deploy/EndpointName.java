package dev.osprey.core.deploy;

import java.util.regex.Pattern;

/** The name of an endpoint: also its capture folder name and the model name in OIP v2 paths. */
public record EndpointName(String value) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public EndpointName {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("An endpoint name uses letters, digits, '.', '_' and '-', starts with a letter"
                    + " or digit and has at most 64 characters; '" + value + "' does not.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
