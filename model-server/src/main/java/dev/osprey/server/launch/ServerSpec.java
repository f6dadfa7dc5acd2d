package dev.osprey.server.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to start a model server. {@code port}: 0 any free port, -1 8080 when free else any free
 * port ({@link #PREFER_8080}), else that port. {@code bindHost} is 127.0.0.1 unless the user
 * binds wider. With {@code capture}, {@code captureSamplePercent} of the requests are written to
 * {@code captures/ENDPOINT/}. {@code endpointName} names the capture folder and the log file.
 */
public record ServerSpec(Path workspaceDir, List<ServedModel> models, int port, String bindHost, Optional<String> bearerToken,
                         boolean capture, int captureSamplePercent, String endpointName) {
    public static final int ANY_PORT = 0;
    public static final int PREFER_8080 = -1;
    public static final String LOOPBACK = "127.0.0.1";
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ServerSpec {
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        workspaceDir = workspaceDir.toAbsolutePath().normalize();
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        if (models.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one model version to serve.");
        }
        Set<String> names = new HashSet<>();
        for (ServedModel m : models) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("The model '" + m.name() + "' is given twice; a server serves one version per model.");
            }
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("The port must be 1-65535, 0 (any free port) or -1 (8080 when free); not " + port + ".");
        }
        bindHost = bindHost == null || bindHost.isBlank() ? LOOPBACK : bindHost.strip();
        Objects.requireNonNull(bearerToken, "bearerToken");
        if (bearerToken.isPresent() && (bearerToken.get().isBlank() || bearerToken.get().chars().anyMatch(c -> c <= ' ' || c > '~'))) {
            throw new IllegalArgumentException("A bearer token is printable ASCII without spaces.");
        }
        if (captureSamplePercent < 0 || captureSamplePercent > 100) {
            throw new IllegalArgumentException("The capture sample is a percentage 0-100, not " + captureSamplePercent + ".");
        }
        endpointName = endpointName == null || endpointName.isBlank() ? models.getFirst().name() : endpointName.strip();
        if (!ENDPOINT.matcher(endpointName).matches()) {
            throw new IllegalArgumentException("An endpoint name uses letters, digits, '.', '_' and '-' (at most 64), starting with a"
                    + " letter or digit; '" + endpointName + "' does not.");
        }
    }

    /** Loopback, 8080 when free, no token, no capture, named after the first model. */
    public static ServerSpec of(Path workspaceDir, ServedModel... models) {
        return new ServerSpec(workspaceDir, List.of(models), PREFER_8080, LOOPBACK, Optional.empty(), false, 100, null);
    }

    public static Builder builder(Path workspaceDir) {
        return new Builder(workspaceDir);
    }

    public ServerSpec withPort(int newPort) {
        return new ServerSpec(workspaceDir, models, newPort, bindHost, bearerToken, capture, captureSamplePercent, endpointName);
    }

    public ServerSpec withModels(List<ServedModel> newModels) {
        return new ServerSpec(workspaceDir, newModels, port, bindHost, bearerToken, capture, captureSamplePercent, endpointName);
    }

    /** Builds a {@link ServerSpec}; the record's constructor validates. */
    public static final class Builder {
        private final Path workspaceDir;
        private final List<ServedModel> models = new ArrayList<>();
        private int port = PREFER_8080;
        private String bindHost = LOOPBACK;
        private Optional<String> bearerToken = Optional.empty();
        private boolean capture;
        private int captureSamplePercent = 100;
        private String endpointName;

        private Builder(Path workspaceDir) {
            this.workspaceDir = workspaceDir;
        }

        public Builder model(ServedModel m) {
            models.add(Objects.requireNonNull(m));
            return this;
        }

        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public Builder bindHost(String host) {
            this.bindHost = host;
            return this;
        }

        public Builder bearerToken(String token) {
            this.bearerToken = Optional.ofNullable(token);
            return this;
        }

        /** Turns capture on with the given sample percentage. */
        public Builder capture(int samplePercent) {
            this.capture = true;
            this.captureSamplePercent = samplePercent;
            return this;
        }

        public Builder capture(boolean on) {
            this.capture = on;
            return this;
        }

        public Builder captureSamplePercent(int percent) {
            this.captureSamplePercent = percent;
            return this;
        }

        public Builder endpointName(String name) {
            this.endpointName = name;
            return this;
        }

        public ServerSpec build() {
            return new ServerSpec(workspaceDir, models, port, bindHost, bearerToken, capture, captureSamplePercent, endpointName);
        }
    }
}
