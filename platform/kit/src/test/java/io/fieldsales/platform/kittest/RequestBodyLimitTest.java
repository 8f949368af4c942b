package io.fieldsales.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.ChunkedUpload;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The kit's per-path body limit counts the bytes that arrive, with or without a Content-Length. */
@QuarkusTest
class RequestBodyLimitTest {

    private final String writer = TestTokens.forTenant(UUID.randomUUID()).roles("writer").mint();

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + writer, "Content-Type", "application/json");
    }

    @Test
    void chunkedBodyPastThePathLimitIsRefusedAsSoonAsItArrivesWithoutWaitingForTheEnd() throws Exception {
        // 48K of a body that never ends: above the widgets' 32K, below the server-wide 64K
        ChunkedUpload.Result r = ChunkedUpload.send(port(), "POST", "/api/v1/widgets", headers(), 48 * 1024, false,
                Duration.ofSeconds(5));
        assertThat(r.status()).as(String.valueOf(r.response())).isEqualTo(413);
        assertThat(r.response()).contains("payload_too_large").contains("application/problem+json");
    }

    @Test
    void chunkedBodyWithinTheLimitIsReadAndHandled() throws Exception {
        ChunkedUpload.Result r = ChunkedUpload.send(port(), "POST", "/api/v1/widgets", headers(), 8 * 1024, true,
                Duration.ofSeconds(5));
        // the body (a JSON array) reaches JAX-RS, which parses it and refuses its shape: not a size problem
        assertThat(r.finishedSending()).isTrue();
        assertThat(r.status()).as(String.valueOf(r.response())).isEqualTo(400);
        assertThat(r.response()).contains("malformed_json");
    }

    @Test
    void expectContinueAnnouncingABodyOverThePathLimitGets413WithoutA100Continue() throws Exception {
        // 48K: over the widgets' 32K but under the server-wide 64K, so only the per-path limit can refuse it
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5_000);
            writeHead(socket, 48 * 1024);
            String first = readMessage(socket.getInputStream());
            assertThat(first).as("the first thing the server answers").startsWith("HTTP/1.1 413 ")
                    .contains("payload_too_large").doesNotContain("100 Continue");
        }
    }

    @Test
    void expectContinueWithinThePathLimitGets100ContinueAndTheRequestProceeds() throws Exception {
        byte[] body = ("[\"" + "a".repeat(8 * 1024) + "\"]").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5_000);
            writeHead(socket, body.length);
            InputStream in = socket.getInputStream();
            assertThat(readMessage(in)).as("the interim answer").startsWith("HTTP/1.1 100 Continue");
            OutputStream out = socket.getOutputStream();
            out.write(body);
            out.flush();
            // the body reaches JAX-RS, which parses it and refuses its shape: not a size problem
            String response = readMessage(in);
            assertThat(response).startsWith("HTTP/1.1 400 ").contains("malformed_json");
        }
    }

    private void writeHead(Socket socket, long contentLength) throws IOException {
        StringBuilder head = new StringBuilder("POST /api/v1/widgets HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nContent-Length: " + contentLength + "\r\nExpect: 100-continue\r\n");
        headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** One HTTP/1.1 message: the status line and headers, and the body its Content-Length announces. */
    private static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
