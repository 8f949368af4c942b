package io.fieldsales.platform.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request body chunked (no Content-Length) over a raw socket while reading the response at the same time,
 * to prove a server answers a body limit on the bytes that arrive: {@link Result#status()} is what the server
 * answered (-1: nothing within the wait) and {@link Result#finishedSending()} whether the whole body went out
 * before the answer (or the connection) stopped it. With {@code finish == false} the last chunk is never sent, so
 * a server that waits for the whole body never answers.
 */
public final class ChunkedUpload {

    public record Result(int status, String response, long bytesSent, boolean finishedSending, Duration elapsed) {
    }

    private ChunkedUpload() {
    }

    public static Result send(int port, String method, String path, Map<String, String> headers, long bodyBytes,
            boolean finish, Duration wait) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) wait.toMillis());
            CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> readResponse(socket));
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nTransfer-Encoding: chunked\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            long sent = 0;
            boolean finished = false;
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            chunk[0] = '"';
            try {
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write("1\r\n[\r\n".getBytes(StandardCharsets.US_ASCII));
                while (sent < bodyBytes && !response.isDone()) {
                    int n = (int) Math.min(chunk.length, bodyBytes - sent);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += n;
                }
                if (finish && sent >= bodyBytes) {
                    out.write("2\r\n\"]\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    finished = true;
                }
            } catch (IOException closedByServer) {
                // the server stopped reading and closed the connection: what a limit should do
            }
            String text;
            try {
                text = response.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                text = null;
            }
            int status = -1;
            if (text != null && text.startsWith("HTTP/1.1 ")) {
                status = Integer.parseInt(text.substring(9, 12));
            }
            return new Result(status, text, sent, finished, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The status line, headers and as much of the body as arrived, or null when nothing did. */
    private static String readResponse(Socket socket) {
        StringBuilder text = new StringBuilder();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            char[] buf = new char[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                text.append(buf, 0, n);
                if (text.indexOf("\r\n\r\n") >= 0 && text.indexOf("}") > 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // reset or timeout: return what arrived
        }
        return text.isEmpty() ? null : text.toString();
    }
}
