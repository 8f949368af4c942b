package io.fieldsales.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** The few plain HTTP calls the harness makes outside Gatling: setting up the load tenant, its users and data. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Reply(int status, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + raw, e);
            }
        }
    }

    String login(String tenant, String username, String password) throws IOException, InterruptedException {
        Map<String, Object> body = tenant == null ? Map.of("username", username, "password", password)
                : Map.of("tenant", tenant, "username", username, "password", password);
        Reply r = send("POST", "/api/v1/auth/login", null, "application/json", JSON.writeValueAsString(body), Map.of());
        if (!r.ok()) {
            throw new IOException("login of " + username + " failed: HTTP " + r.status() + " " + r.raw());
        }
        return r.json().get("accessToken").asText();
    }

    Reply post(String path, String token, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return send("POST", path, token, "application/json", JSON.writeValueAsString(body), headers);
    }

    Reply get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, null, Map.of());
    }

    /**
     * POSTs and fails unless the answer is 2xx (or one of {@code alsoFine}). A 5xx or a timeout is retried (5 times,
     * 1 s apart, the same headers, so the same Idempotency-Key): a cold service may time out its first requests.
     */
    Reply require(String path, String token, Object body, Map<String, String> headers, int... alsoFine)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Reply r;
            try {
                r = post(path, token, body, headers);
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt >= 5) {
                    throw e;
                }
                continue;
            }
            if (r.status() >= 500 && attempt < 5) {
                Thread.sleep(1000); // a setup step of a load tool, not a test
                continue;
            }
            if (!r.ok() && java.util.Arrays.stream(alsoFine).noneMatch(s -> s == r.status())) {
                throw new IOException("POST " + path + " failed: HTTP " + r.status() + " " + r.raw());
            }
            return r;
        }
    }

    Reply send(String method, String path, String token, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, application/x-ndjson");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** A claim of a JWT's payload (the token is ours and was just issued: no verification needed to read it). */
    static String claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return payload.path(name).asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable token", e);
        }
    }
}
