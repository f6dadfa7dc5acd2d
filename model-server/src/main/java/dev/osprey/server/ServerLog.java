package dev.osprey.server;

import java.time.Instant;

/**
 * The server's log: timestamped lines on stderr. The launcher sends the process's output to a
 * log file that the Endpoints view shows, so the server writes there directly instead of
 * through the host application's logging configuration, which would mix in the studio's log.
 */
final class ServerLog {
    private ServerLog() {
    }

    static void info(String message) {
        System.err.println(Instant.now() + " INFO  " + message);
    }

    static void error(String message) {
        System.err.println(Instant.now() + " ERROR " + message);
    }
}
