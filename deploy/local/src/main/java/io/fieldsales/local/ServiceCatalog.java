package io.fieldsales.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The services of the suite, in start order. A service joins the local stack by adding one entry here; an entry
 * whose module is not in the repository is skipped with a warning.
 *
 * <p>Every service gets the common production environment (see {@link ServiceProcess#environment}); the entries add
 * what only they need.
 */
public final class ServiceCatalog {

    /**
     * Upstreams whose URL the gateway reads, by the gateway's name for them, and the variable it reads it from; the
     * base URL of each one's management interface (its readiness) is read from the same name with _MANAGEMENT_URL.
     */
    private static final Map<String, String> UPSTREAM_URL_VARIABLES = Map.of(
            "customer", "CUSTOMER_SERVICE_URL",
            "order", "ORDER_SERVICE_URL",
            "cash", "CASH_SERVICE_URL",
            "audit", "AUDIT_SERVICE_URL");

    private ServiceCatalog() {
    }

    public static List<ServiceSpec> suite() {
        return List.of(
                ServiceSpec.quarkus("gateway", 8080, "identity", null).withEnv(ServiceCatalog::gatewayEnv),
                ServiceSpec.quarkus("customer-service", 8081, "customers", "customer"),
                ServiceSpec.quarkus("order-service", 8082, "orders", "order")
                        // asks customer-service about customers its projection has not heard of yet
                        .withEnv(env -> env.services().stream().filter(s -> "customer".equals(s.upstreamKey()))
                                .findFirst().map(s -> Map.of("CUSTOMER_SERVICE_URL", env.urlOf(s)))
                                .orElse(Map.of())),
                ServiceSpec.quarkus("cash-service", 8083, "cash", "cash"),
                ServiceSpec.quarkus("audit-service", 8084, "audit", "audit")
                        // The service connects as its login role and works as audit_writer (read and append only);
                        // its migration expects a DBA to have created that role (audit-service/README.md).
                        .withSetupSql(
                                "do $$ begin if not exists (select 1 from pg_roles where rolname = 'audit_writer') "
                                        + "then create role audit_writer nologin; end if; end $$",
                                "grant audit_writer to audit")
                        .withEnv(env -> Map.of(
                                "AUDIT_KEY_ENCRYPTION_KEY", env.secrets().auditKeyEncryptionKey(),
                                "AUDIT_SIGNING_PRIVATE_KEY", env.secrets().auditSigningPrivateKey(),
                                "AUDIT_SIGNING_PUBLIC_KEY", env.secrets().auditSigningPublicKey())));
    }

    private static Map<String, String> gatewayEnv(ServiceEnvironment env) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("FIELDSALES_KEY_ENCRYPTION_KEY", env.secrets().gatewayKeyEncryptionKey());
        vars.put("FIELDSALES_BOOTSTRAP_ADMIN_USERNAME", env.secrets().platformAdmin().username());
        vars.put("FIELDSALES_BOOTSTRAP_ADMIN_PASSWORD", env.secrets().platformAdmin().password());
        // Every route gets an upstream URL: a service that does not run answers 503 upstream_unavailable.
        UPSTREAM_URL_VARIABLES.forEach((key, variable) -> {
            vars.put(variable, "http://127.0.0.1:" + defaultPort(key));
            vars.put(managementVariable(variable),
                    "http://127.0.0.1:" + (defaultPort(key) + ServiceSpec.MANAGEMENT_PORT_OFFSET));
        });
        env.services().stream()
                .filter(s -> s.upstreamKey() != null && UPSTREAM_URL_VARIABLES.containsKey(s.upstreamKey()))
                .forEach(s -> {
                    vars.put(UPSTREAM_URL_VARIABLES.get(s.upstreamKey()), env.urlOf(s));
                    vars.put(managementVariable(UPSTREAM_URL_VARIABLES.get(s.upstreamKey())), env.managementUrlOf(s));
                });
        // The gateway is ready when the services that run are (not the ones this repository does not have yet).
        vars.put("FIELDSALES_GATEWAY_EDGE_REQUIRED_UPSTREAMS", env.services().stream()
                .map(ServiceSpec::upstreamKey).filter(k -> k != null).collect(Collectors.joining(",")));
        // Front-end dev servers on this machine.
        vars.put("FIELDSALES_CORS_ORIGINS", "http://localhost:3000,http://localhost:5173,http://127.0.0.1:5173");
        // Every local client (scripts, --demo-data, the web app) comes from 127.0.0.1: one IP budget for all of them.
        vars.put("FIELDSALES_GATEWAY_RATE_LIMITS_PER_IP_CAPACITY", "3000");
        return vars;
    }

    /** CUSTOMER_SERVICE_URL -> CUSTOMER_SERVICE_MANAGEMENT_URL */
    static String managementVariable(String urlVariable) {
        return urlVariable.replaceFirst("_URL$", "_MANAGEMENT_URL");
    }

    private static int defaultPort(String upstreamKey) {
        return suite().stream().filter(s -> upstreamKey.equals(s.upstreamKey())).findFirst()
                .map(ServiceSpec::port).orElse(9);
    }
}
