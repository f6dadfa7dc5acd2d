package dev.osprey.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP/1.1 requests from one connection: the head (up to 16 KB), then a body framed by
 * Content-Length or chunked transfer coding. Bytes after a request stay buffered for the next
 * one (pipelining). Every failure names the problem, with the status to answer.
 */
final class RequestReader {
    static final int MAX_HEAD = 16 * 1024;

    private final InputStream in;
    private final int maxBody;
    private final long discardLimit;
    private final byte[] buf = new byte[MAX_HEAD + 1024];
    private int pos;
    private int lim;
    private boolean http10;
    private long deadline;

    RequestReader(InputStream in, int maxBody, long discardLimit) {
        this.in = in;
        this.maxBody = maxBody;
        this.discardLimit = discardLimit;
    }

    boolean http10() {
        return http10;
    }

    /** Waits for the first byte of the next request; false at end of stream or idle timeout. */
    boolean awaitFirstByte() throws IOException {
        if (pos < lim) {
            return true;
        }
        try {
            pos = 0;
            lim = 0;
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            lim = n;
            return true;
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return false;
        }
    }

    HttpRequest read(long deadlineNanos, ResponseWriter writer) throws IOException, HttpStatusException {
        this.deadline = deadlineNanos;
        int headEnd = findHeadEnd();
        String head = new String(buf, pos, headEnd - pos, StandardCharsets.ISO_8859_1);
        pos = headEnd + 4;
        int eol = head.indexOf("\r\n");
        String line = eol < 0 ? head : head.substring(0, eol);
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1) {
            throw new HttpStatusException(400, "Malformed request line: '" + printable(line) + "'.");
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new HttpStatusException(400, "Unsupported protocol '" + printable(version) + "'; use HTTP/1.1.");
        }
        http10 = version.equals("HTTP/1.0");
        List<String[]> headers = new ArrayList<>(8);
        int at = eol < 0 ? head.length() : eol + 2;
        while (at < head.length()) {
            int end = head.indexOf("\r\n", at);
            if (end < 0) {
                end = head.length();
            }
            int colon = head.indexOf(':', at);
            if (colon < 0 || colon > end) {
                throw new HttpStatusException(400, "Malformed header line: '" + printable(head.substring(at, end)) + "'.");
            }
            headers.add(new String[]{head.substring(at, colon).strip().toLowerCase(Locale.ROOT), head.substring(colon + 1, end).strip()});
            at = end + 2;
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        byte[] body = readBody(headers, writer);
        return new HttpRequest(method, path, query, headers, body, body.length);
    }

    private byte[] readBody(List<String[]> headers, ResponseWriter writer) throws IOException, HttpStatusException {
        String te = value(headers, "transfer-encoding");
        String cl = value(headers, "content-length");
        boolean expect = "100-continue".equalsIgnoreCase(value(headers, "expect"));
        if (te != null) {
            if (!te.equalsIgnoreCase("chunked")) {
                throw new HttpStatusException(400, "Unsupported Transfer-Encoding '" + te + "'; send chunked or a Content-Length.");
            }
            if (expect) {
                writer.writeContinue();
            }
            return readChunked();
        }
        if (cl == null) {
            return new byte[0];
        }
        long length;
        try {
            length = Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0) {
            throw new HttpStatusException(400, "Invalid Content-Length '" + printable(cl) + "'.");
        }
        if (length > maxBody) {
            if (!expect && length <= discardLimit) {
                skip(length);
            }
            throw tooLarge(length);
        }
        if (expect && length > 0) {
            writer.writeContinue();
        }
        byte[] body = new byte[(int) length];
        readFully(body, 0, body.length);
        return body;
    }

    private HttpStatusException tooLarge(long length) {
        return new HttpStatusException(413, "The body has " + length + " bytes; the limit is " + maxBody
                + " bytes. Send fewer rows per request.");
    }

    private byte[] readChunked() throws IOException, HttpStatusException {
        byte[] out = new byte[1024];
        int size = 0;
        while (true) {
            String sizeLine = readLine();
            int semi = sizeLine.indexOf(';');
            long chunk;
            try {
                chunk = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new HttpStatusException(400, "Malformed chunk size '" + printable(sizeLine) + "'.");
            }
            if (chunk == 0) {
                while (!readLine().isEmpty()) {
                    // trailers are ignored
                }
                return java.util.Arrays.copyOf(out, size);
            }
            if (chunk < 0 || size + chunk > maxBody) {
                throw tooLarge(size + Math.max(chunk, 0));
            }
            if (size + chunk > out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(maxBody, Math.max(out.length * 2L, size + chunk)));
            }
            readFully(out, size, (int) chunk);
            size += (int) chunk;
            if (!readLine().isEmpty()) {
                throw new HttpStatusException(400, "A chunk is longer than its declared size.");
            }
        }
    }

    private String readLine() throws IOException, HttpStatusException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos == lim) {
                fill();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() > 1024) {
                throw new HttpStatusException(400, "A chunk header line is too long.");
            }
            sb.append((char) (b & 0xff));
        }
    }

    private int findHeadEnd() throws IOException, HttpStatusException {
        int scanned = pos;
        while (true) {
            for (int i = Math.max(scanned, pos + 3); i < lim; i++) {
                if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                    if (i - 3 - pos > MAX_HEAD) {
                        throw new HttpStatusException(431, "The request head is larger than " + MAX_HEAD + " bytes.");
                    }
                    return i - 3;
                }
            }
            scanned = lim;
            if (lim - pos >= MAX_HEAD) {
                throw new HttpStatusException(431, "The request head is larger than " + MAX_HEAD + " bytes.");
            }
            if (pos > 0 && lim == buf.length) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                scanned -= pos;
                lim -= pos;
                pos = 0;
            }
            readMore();
        }
    }

    private void fill() throws IOException {
        pos = 0;
        lim = 0;
        readMore();
    }

    private void readMore() throws IOException {
        checkDeadline();
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            throw new java.io.EOFException("the client closed the connection mid-request");
        }
        lim += n;
    }

    private void readFully(byte[] dst, int off, int len) throws IOException {
        int buffered = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, dst, off, buffered);
        pos += buffered;
        int done = buffered;
        while (done < len) {
            checkDeadline();
            int n = in.read(dst, off + done, len - done);
            if (n < 0) {
                throw new java.io.EOFException("the client closed the connection mid-body");
            }
            done += n;
        }
    }

    private void skip(long len) throws IOException {
        long buffered = Math.min(len, lim - pos);
        pos += (int) buffered;
        long left = len - buffered;
        while (left > 0) {
            fill();
            int take = (int) Math.min(left, lim - pos);
            pos += take;
            left -= take;
        }
    }

    /** A client that trickles bytes resets the socket timeout on every read; the deadline bounds the whole request. */
    private void checkDeadline() throws SocketTimeoutException {
        if (System.nanoTime() > deadline) {
            throw new SocketTimeoutException("request deadline passed");
        }
    }

    private static String value(List<String[]> headers, String name) {
        for (String[] h : headers) {
            if (h[0].equals(name)) {
                return h[1];
            }
        }
        return null;
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
