package io.fieldsales.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trivial service for the stack's supervision tests, run as its own JVM like a real service: it answers
 * /q/health/ready, reports at /env what the stack gave it (and whether it could log in to its database), exits on
 * /exit?code=N; with the argument "crash" it writes a few log lines and dies while starting.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        if (args.length > 1 && args[1].equals("crash")) {
            for (int i = 1; i <= 30; i++) {
                System.out.println("boot step " + i);
            }
            System.out.println("FATAL cannot reach the flux capacitor");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/q/health/ready", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        server.createContext("/env", ex -> reply(ex, 200, env()));
        server.createContext("/exit", ex -> {
            int code = Integer.parseInt(ex.getRequestURI().getQuery().replace("code=", ""));
            reply(ex, 200, "{}");
            System.out.println("exiting with " + code);
            System.exit(code);
        });
        server.start();
        // like a Quarkus service, readiness is on the management interface when the stack gives it one
        String management = System.getenv("QUARKUS_MANAGEMENT_PORT");
        if (management != null) {
            HttpServer m = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    Integer.parseInt(management)), 0);
            m.createContext("/q/health/ready", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
            m.start();
        }
        System.out.println("fake service listening on " + port);
    }

    private static String env() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new String[] {"DB_REACTIVE_URL", "DB_JDBC_URL", "DB_USER", "DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "FIELDSALES_JWKS_URL", "FIELDSALES_IDEMPOTENCY_KEY", "QUARKUS_HTTP_PORT", "QUARKUS_PROFILE"}) {
            values.put(name, System.getenv(name));
        }
        try (Connection c = DriverManager.getConnection(System.getenv("DB_JDBC_URL"), System.getenv("DB_USER"),
                System.getenv("DB_PASSWORD")); ResultSet rs = c.createStatement().executeQuery("select current_user")) {
            rs.next();
            values.put("dbUser", rs.getString(1));
        } catch (Exception e) {
            values.put("dbUser", "error: " + e.getMessage());
        }
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v == null ? "null" : "\"" + v.replace("\"", "'") + "\""));
        return sb.append('}').toString();
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
