package io.fieldsales.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a person needs once the stack is ready: where it is, who to log in as, how. */
final class ReadyBanner {

    private final StackConsole console;
    private final HttpClient http;

    ReadyBanner(StackConsole console, HttpClient http) {
        this.console = console;
        this.http = http;
    }

    /** What the banner shows, read from the running stack. */
    record Facts(Duration readyIn, StackMemory memory, String gatewayUrl, List<ServiceProcess> services,
            Credentials platformAdmin, boolean adminFromEnvironment, StackOptions options) {
    }

    void print(Facts f) {
        String gw = f.gatewayUrl();
        console.println();
        console.printf("Fieldsales is ready in %.1f s, using %s of memory (%s).%n",
                f.readyIn().toMillis() / 1000.0, ResidentMemory.mib(f.memory().total()), f.memory().breakdown());
        console.println();
        if (gw == null) {
            console.println("  No gateway in this repository: the services answer on their own ports.");
        } else {
            console.line("Gateway", gw + "   (API: " + gw + "/api/v1/..., keys: " + gw + "/.well-known/jwks.json)");
            console.line("", "public API document: " + gw + "/api/v1/openapi");
        }
        for (ServiceProcess p : f.services()) {
            if (!p.spec().isGateway()) {
                console.line(p.name(), p.url());
            }
        }
        console.println();
        console.println("  Management (health, metrics, OpenAPI; never on the API ports):");
        for (ServiceProcess p : f.services()) {
            String m = p.managementUrl();
            console.line(p.name(), m + "/q/health/ready   " + m + "/q/metrics"
                    + (probe(m + "/q/openapi") ? "   " + m + "/q/openapi" : ""));
        }
        StackOptions options = f.options();
        console.line("Logs", StackConsole.display(options.logDir()) + "/<service>.log");
        console.line("Traces", traces(options.environment()));
        console.println();
        Credentials admin = f.platformAdmin();
        console.line("Platform admin", "username: " + admin.username());
        console.line("", "password: " + admin.password());
        console.line("", "(" + (f.adminFromEnvironment()
                ? "from FIELDSALES_BOOTSTRAP_ADMIN_USERNAME/_PASSWORD"
                : "generated on first start, kept in "
                        + StackConsole.display(options.dataDir().resolve(LocalSecrets.FILE))) + ")");
        Optional<Credentials> demoAdmin = DemoData.savedAdmin(options.dataDir());
        demoAdmin.ifPresent(d -> console.line("Demo tenant", "\"" + d.tenant() + "\": admin / " + d.password()
                + "; every user and password in "
                + StackConsole.display(options.dataDir().resolve(DemoData.USERS_FILE))));
        if (gw != null) {
            printCurlExample(gw, admin, demoAdmin, DemoData.savedDayCustomer(options.dataDir()));
        }
        console.println();
        console.println("Ctrl-C stops everything (services, then Kafka, then PostgreSQL); the data stays in "
                + StackConsole.display(options.dataDir()) + " (--fresh wipes it).");
    }

    /** Where the services send their spans: the OTLP endpoint of the environment, or nowhere. */
    static String traces(java.util.Map<String, String> environment) {
        String endpoint = environment.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT",
                environment.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (endpoint == null || endpoint.isBlank()) {
            return "not exported (set OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://localhost:4317, to send them to an"
                    + " OTLP collector); every log line carries its traceId";
        }
        return "exported over OTLP to " + endpoint + " by every service (sampled: "
                + environment.getOrDefault("FIELDSALES_TRACE_SAMPLE_RATIO", "1.0") + " of new traces)";
    }

    private void printCurlExample(String gw, Credentials admin, Optional<Credentials> demoAdmin,
            Optional<String> dayCustomer) {
        console.println();
        console.println("  Try it:");
        if (demoAdmin.isPresent()) {
            Credentials d = demoAdmin.get();
            console.println("    TOKEN=$(curl -s " + gw + "/api/v1/auth/login -H 'Content-Type: application/json' \\");
            console.println("      -d '{\"tenant\":\"" + d.tenant() + "\",\"username\":\"" + d.username()
                    + "\",\"password\":\"" + d.password() + "\"}' | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
            if (dayCustomer.isPresent()) {
                // the business day: an order, a session, the shop's timeline
                for (String path : DemoData.tryItPaths(dayCustomer.get())) {
                    console.println("    curl -s '" + gw + path + "' -H \"Authorization: Bearer $TOKEN\"");
                }
            } else {
                console.println("    curl -s '" + gw + "/api/v1/customers?limit=5' -H \"Authorization: Bearer $TOKEN\"");
            }
        } else {
            console.println("    TOKEN=$(curl -s " + gw + "/api/v1/auth/login -H 'Content-Type: application/json' \\");
            console.println("      -d '{\"username\":\"" + admin.username() + "\",\"password\":\"" + admin.password()
                    + "\"}' | sed -E 's/.*\"accessToken\":\"([^\"]+)\".*/\\1/')");
            console.println("    curl -s " + gw + "/api/v1/auth/me -H \"Authorization: Bearer $TOKEN\"");
            console.println("    (deploy/local/run --demo-data loads a demo tenant with users and customers)");
        }
    }

    private boolean probe(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
