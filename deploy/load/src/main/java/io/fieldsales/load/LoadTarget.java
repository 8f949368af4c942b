package io.fieldsales.load;

import java.util.Map;
import java.util.Optional;

/**
 * What the harness runs against: the gateway, each service directly (for "direct to the service" beside "through
 * the gateway"), the PostgreSQL server of the services (baselines and the rows' own timestamps; a superuser, so row
 * security never hides a row) and the platform admin who creates the load tenant.
 *
 * @param serviceUrls service name (module name, e.g. {@code customer-service}) to its API base URL
 */
public record LoadTarget(String gatewayUrl, Map<String, String> serviceUrls, String pgHost, int pgPort,
        String pgSuperuser, String pgSuperuserPassword, String adminUsername, String adminPassword) {

    public LoadTarget {
        serviceUrls = Map.copyOf(serviceUrls);
    }

    public Optional<String> service(String name) {
        return Optional.ofNullable(serviceUrls.get(name));
    }

    public String customerServiceUrl() {
        return service("customer-service").orElseThrow(() -> new IllegalStateException(
                "the customer-service URL is needed (--service customer-service=URL)"));
    }

    /** A JDBC URL of one database of the stack, as the superuser. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }
}
