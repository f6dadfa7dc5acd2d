package dev.osprey.server.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP layer over raw sockets: framing, pipelining, chunked bodies, 100-continue, limits and timeouts. */
class HttpServerTest {
    HttpServer server;

    @BeforeEach
    void start() throws IOException {
        HttpHandler echo = r -> {
            if (r.path().equals("/boom")) {
                throw new IllegalStateException("a defect");
            }
            return HttpResponse.text(200, "text/plain", r.method() + " " + r.path() + " " + r.queryParam("q").orElse("-") + " ["
                    + r.bodyText() + "]");
        };
        server = HttpServer.start(InetAddress.getLoopbackAddress(), 0, echo, HttpObserver.NONE,
                new HttpLimits(64, Duration.ofMillis(500), Duration.ofSeconds(5), 8));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads {@code n} responses (each framed by Content-Length). */
    private static String read(Socket s, int n) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return all.toString(StandardCharsets.ISO_8859_1);
                }
                head.append((char) b);
            }
            all.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            String h = head.toString();
            int at = h.indexOf("Content-Length: ") + 16;
            int len = Integer.parseInt(h.substring(at, h.indexOf("\r\n", at)));
            all.writeBytes(in.readNBytes(len));
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
        try (Socket s = connect()) {
            send(s, "POST /a?q=1 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\n");
            String out = read(s, 2);
            assertThat(out).contains("POST /a 1 [abc]").contains("GET /b - []");
            assertThat(out.indexOf("/a")).isLessThan(out.indexOf("/b"));
        }
    }

    @Test
    void chunkedBodiesAndExpectContinue() throws IOException {
        try (Socket s = connect()) {
            send(s, "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n");
            assertThat(read(s, 1)).contains("[abcde]");
            send(s, "POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertThat(new String(interim, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            send(s, "hi");
            assertThat(read(s, 1)).contains("POST /e - [hi]");
        }
    }

    @Test
    void framingErrorsAre4xxAndCloseTheConnection() throws IOException {
        try (Socket s = connect()) {
            send(s, "POST /x HTTP/1.1\r\nContent-Length: ten\r\n\r\n");
            assertThat(read(s, 1)).startsWith("HTTP/1.1 400").contains("Invalid Content-Length 'ten'").contains("Connection: close");
        }
        try (Socket s = connect()) {
            send(s, "POST /x HTTP/1.1\r\nContent-Length: 65\r\n\r\n" + "x".repeat(65));
            assertThat(read(s, 1)).startsWith("HTTP/1.1 413").contains("The body has 65 bytes; the limit is 64 bytes");
        }
        try (Socket s = connect()) {
            send(s, "NONSENSE\r\n\r\n");
            assertThat(read(s, 1)).startsWith("HTTP/1.1 400").contains("Malformed request line");
        }
        try (Socket s = connect()) {
            send(s, "GET / HTTP/1.1\r\nX: " + "a".repeat(RequestReader.MAX_HEAD) + "\r\n\r\n");
            assertThat(read(s, 1)).startsWith("HTTP/1.1 431");
        }
    }

    @Test
    void aRequestThatTricklesInPastTheTimeoutIs408() throws Exception {
        try (Socket s = connect()) {
            send(s, "POST /slow HTTP/1.1\r\nContent-Length: 10\r\n\r\nab");
            Thread.sleep(300);
            send(s, "cd");
            Thread.sleep(300);
            send(s, "ef");
            assertThat(read(s, 1)).startsWith("HTTP/1.1 408").contains("did not arrive within");
        }
    }

    @Test
    void aHandlerDefectIs500AndTheConnectionStaysUsable() throws IOException {
        try (Socket s = connect()) {
            send(s, "GET /boom HTTP/1.1\r\n\r\nGET /ok HTTP/1.1\r\n\r\n");
            String out = read(s, 2);
            assertThat(out).startsWith("HTTP/1.1 500").contains("Internal error: IllegalStateException").contains("GET /ok");
        }
    }

    @Test
    void drainClosesIdleConnectionsAndRefusesNewOnes() throws Exception {
        Socket idle = connect();
        send(idle, "GET /first HTTP/1.1\r\n\r\n");
        assertThat(read(idle, 1)).contains("GET /first");
        assertThat(server.drain(Duration.ofSeconds(2))).isTrue();
        assertThat(idle.getInputStream().read()).isEqualTo(-1);
        idle.close();
        assertThat(server.busyConnections()).isZero();
    }
}
