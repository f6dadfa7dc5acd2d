package dev.osprey.server.http;

import java.io.IOException;
import java.io.OutputStream;

/** Writes responses on one connection: the head encoded into a reused buffer, then the body, in one flush. */
final class ResponseWriter {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final StringBuilder head = new StringBuilder(256);
    private byte[] headBytes = new byte[256];

    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    void writeContinue() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    void write(HttpResponse r, boolean close) throws IOException {
        head.setLength(0);
        head.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        if (r.contentType() != null) {
            head.append("Content-Type: ").append(r.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(r.body().length).append("\r\n");
        if (r.status() == 401) {
            head.append("WWW-Authenticate: Bearer\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        int n = head.length();
        if (headBytes.length < n) {
            headBytes = new byte[n * 2];
        }
        for (int i = 0; i < n; i++) {
            headBytes[i] = (byte) head.charAt(i);
        }
        out.write(headBytes, 0, n);
        out.write(r.body());
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
