package dev.osprey.server.http;

import java.nio.charset.StandardCharsets;

/**
 * What a handler answers: a status, a content type and the body. {@code tag} names what the
 * request was about (the model) for metrics; it is not sent.
 */
public record HttpResponse(int status, String contentType, byte[] body, String tag) {
    public static final String JSON = "application/json";
    private static final byte[] EMPTY = new byte[0];

    public HttpResponse {
        body = body == null ? EMPTY : body;
        tag = tag == null ? "" : tag;
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null, EMPTY, "");
    }

    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), "");
    }

    public static HttpResponse text(int status, String contentType, String text) {
        return new HttpResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), "");
    }

    /** {@code {"error": message}} with the given 4xx/5xx status. */
    public static HttpResponse error(int status, String message) {
        StringBuilder sb = new StringBuilder(message.length() + 16).append("{\"error\":");
        JsonText.string(sb, message);
        return json(status, sb.append('}').toString());
    }

    public HttpResponse tagged(String newTag) {
        return new HttpResponse(status, contentType, body, newTag);
    }
}
