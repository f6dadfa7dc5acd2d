package dev.osprey.server.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One parsed HTTP/1.1 request: method, path (without the query), raw query, headers (names in
 * lower case, in arrival order) and the whole body. Immutable once handed to a handler.
 */
public final class HttpRequest {
    private final String method;
    private final String path;
    private final String query;
    private final List<String[]> headers;
    private final byte[] body;
    private final int bodyLength;

    HttpRequest(String method, String path, String query, List<String[]> headers, byte[] body, int bodyLength) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.bodyLength = bodyLength;
    }

    /** A request built by hand (tests, in-process callers). */
    public static HttpRequest of(String method, String target, List<String[]> headers, byte[] body) {
        int q = target.indexOf('?');
        return new HttpRequest(method, q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
                headers.stream().map(h -> new String[]{h[0].toLowerCase(Locale.ROOT), h[1]}).toList(), body, body.length);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return Optional.of(h[1]);
            }
        }
        return Optional.empty();
    }

    /** A query parameter's raw value (no percent-decoding beyond '+' and %XX of ASCII). */
    public Optional<String> queryParam(String name) {
        if (query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return Optional.of(decode(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The body bytes; valid from 0 to {@link #bodyLength()}. */
    public byte[] body() {
        return body;
    }

    public int bodyLength() {
        return bodyLength;
    }

    public String bodyText() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    /** The media type of the body, lower case, without parameters ("" when absent). */
    public String contentType() {
        return header("content-type").map(HttpRequest::mediaType).orElse("");
    }

    static String mediaType(String value) {
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
