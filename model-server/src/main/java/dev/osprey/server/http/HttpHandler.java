package dev.osprey.server.http;

/** Answers one request. Throwing {@link HttpStatusException} sends its status and message as JSON. */
@FunctionalInterface
public interface HttpHandler {
    HttpResponse handle(HttpRequest request) throws Exception;
}
