package dev.osprey.server.http;

/** Told about every answered request (for metrics): the response's tag, its status and the time from first byte to last. */
@FunctionalInterface
public interface HttpObserver {
    HttpObserver NONE = (tag, status, nanos) -> {
    };

    void completed(String tag, int status, long nanos);
}
