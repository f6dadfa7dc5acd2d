package dev.osprey.server;

import dev.osprey.server.http.HttpLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server process's command line:
 * {@code --workspace DIR --model NAME VERSION DIR [--model ...] [--port P] [--host H] [--endpoint NAME]
 * [--capture PERCENT] [--max-body BYTES] [--request-timeout SECONDS] [--parent-pid PID]}. With a parent pid the
 * server stops (draining as on SIGTERM) when that process ends, so a crashed studio leaves no orphan holding the port. The bearer token comes from the
 * environment variable {@value #TOKEN_ENV}, not the command line, where other users of the machine
 * could read it ({@code ps}).
 */
public record ServerOptions(Path workspace, List<ModelArg> models, int port, String host, Optional<String> token,
                            int capturePercent, String endpoint, HttpLimits limits, long parentPid) {
    public static final String TOKEN_ENV = "OSPREY_SERVER_TOKEN";
    /** {@code --port -1}: 8080 when it is free, else any free port. */
    public static final int PREFER_8080 = -1;
    static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** One model to serve: its name and version, and the folder models/NAME/VERSION that holds it. */
    public record ModelArg(String name, int version, Path dir) {
    }

    public ServerOptions {
        models = List.copyOf(models);
    }

    public boolean capture() {
        return capturePercent >= 0;
    }

    static ServerOptions parse(String[] args, Map<String, String> env) {
        Path workspace = null;
        List<ModelArg> models = new ArrayList<>();
        int port = PREFER_8080;
        String host = "127.0.0.1";
        int capture = -1;
        String endpoint = null;
        HttpLimits limits = HttpLimits.DEFAULT;
        long parentPid = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--workspace" -> workspace = Path.of(value(args, ++i, a));
                case "--model" -> {
                    String name = value(args, ++i, a);
                    int version = integer(value(args, ++i, a), a + " " + name + " VERSION");
                    models.add(new ModelArg(name, version, Path.of(value(args, ++i, a))));
                }
                case "--port" -> port = integer(value(args, ++i, a), a);
                case "--host" -> host = value(args, ++i, a);
                case "--endpoint" -> endpoint = value(args, ++i, a);
                case "--capture" -> capture = integer(value(args, ++i, a), a);
                case "--max-body" -> limits = limits.withMaxBodyBytes(integer(value(args, ++i, a), a));
                case "--request-timeout" -> limits = limits.withRequestTimeout(Duration.ofSeconds(integer(value(args, ++i, a), a)));
                case "--parent-pid" -> parentPid = integer(value(args, ++i, a), a);
                default -> throw new IllegalArgumentException("Unknown option '" + a + "'.");
            }
        }
        if (workspace == null) {
            throw new IllegalArgumentException("--workspace DIR is required (captures are written under it).");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("Give at least one --model NAME VERSION DIR.");
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0-65535 (0: any free port), or -1 (8080 when free); not " + port + ".");
        }
        if (capture > 100 || capture < -1) {
            throw new IllegalArgumentException("--capture takes a sampling percentage 0-100, not " + capture + ".");
        }
        if (endpoint == null) {
            endpoint = models.getFirst().name();
        }
        if (!ENDPOINT.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("The endpoint name '" + endpoint + "' must use letters, digits, '.', '_' and '-'"
                    + " (it names the capture folder).");
        }
        Optional<String> token = Optional.ofNullable(env.get(TOKEN_ENV)).filter(t -> !t.isBlank());
        return new ServerOptions(workspace.toAbsolutePath().normalize(), models, port, host, token, capture, endpoint, limits, parentPid);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static int integer(String s, String option) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + s + "'.");
        }
    }
}
