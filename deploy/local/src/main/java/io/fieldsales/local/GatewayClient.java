package io.fieldsales.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small JSON client of the gateway's public API, as any client app would call it. */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response; {@code replayed}: the stored response of an earlier request with the same Idempotency-Key. */
    record Reply(int status, JsonNode body, String raw, boolean replayed, Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** A field of the JSON body as text ("" when absent). */
        String text(String field) {
            return body == null ? "" : body.path(field).asText();
        }

        /** A money field of the JSON body; null when absent. */
        java.math.BigDecimal money(String field) {
            return body == null || !body.hasNonNull(field) ? null : body.get(field).decimalValue();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String code() {
            return body != null && body.hasNonNull("code") ? body.get("code").asText() : null;
        }
    }

    /** Logs in and returns the access token. */
    String login(Credentials c) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (c.tenant() != null) {
            body.put("tenant", c.tenant());
        }
        body.put("username", c.username());
        body.put("password", c.password());
        Reply r = send("POST", "/api/v1/auth/login", null, body, Map.of());
        if (!r.ok() || r.body() == null || !r.body().hasNonNull("accessToken")) {
            throw new IOException("login of " + c + " failed: HTTP " + r.status() + " " + r.raw());
        }
        return r.body().get("accessToken").asText();
    }

    Reply post(String path, String token, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send("POST", path, token, body, headers);
    }

    Reply get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, Map.of());
    }

    /** The Idempotency-Key header. */
    static Map<String, String> idempotencyKey(String key) {
        return Map.of("Idempotency-Key", key);
    }

    /** The If-Match header of a change to a versioned resource (its ETag is the quoted version). */
    static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    /** Sends a request; a 429 is retried after its Retry-After (the gateway's rate limits apply to us too). */
    Reply send(String method, String path, String token, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::setHeader);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 && attempt < 10) {
                long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Math.min(60, Math.max(1, wait)) * 1000);
                continue;
            }
            JsonNode json = null;
            String raw = response.body();
            if (raw != null && !raw.isBlank()) {
                try {
                    json = JSON.readTree(raw);
                } catch (IOException notJson) {
                    // kept raw
                }
            }
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                    .orElse(false);
            return new Reply(response.statusCode(), json, raw, replayed, response.headers().map());
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }
}
