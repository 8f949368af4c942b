package io.fieldsales.deploy;

import java.util.List;
import java.util.Objects;

/**
 * One service as it is deployed: what {@code deploy/k8s} (its database cluster, Kafka user and ACLs, network policy,
 * autoscaling) is generated from, and what the compose file and the configuration reference are checked against.
 *
 * @param name           the service's name: its module directory, Deployment, Service, KafkaUser and ServiceAccount
 * @param port           its API port (also the Kubernetes Service's port)
 * @param managementPort its management interface: health, metrics, OpenAPI (probes and Prometheus)
 * @param database       its database and owner role (its CloudNativePG cluster is {@code <name>-db})
 * @param writes         the topics it produces to (its outbox's topics and its dead-letter topics)
 * @param reads          the topics it consumes, as consumer group {@link #name}
 * @param secrets        Secrets it reads beyond the database's and Kafka's (key-encryption and signing keys), each
 *                       created by the operator before the first deployment (docs/deployment.md)
 * @param databaseSetupSql statements run once when its database is created, as the operator's superuser (roles its
 *                       migrations expect)
 * @param exposed        whether it is reachable from outside the cluster (the gateway only, through the Ingress)
 */
public record DeployedService(String name, int port, int managementPort, String database, List<String> writes,
        List<String> reads, List<String> secrets, List<String> databaseSetupSql, boolean exposed) {

    public DeployedService {
        Objects.requireNonNull(name);
        writes = List.copyOf(writes);
        reads = List.copyOf(reads);
        secrets = List.copyOf(secrets);
        databaseSetupSql = List.copyOf(databaseSetupSql);
    }

    /** A service behind the gateway, on {@code port}, its management interface 920 above it (8081 -> 9001). */
    public static DeployedService internal(String name, int port, String database) {
        return new DeployedService(name, port, port + 920, database, List.of(), List.of(), List.of(), List.of(),
                false);
    }

    public DeployedService writing(String... topics) {
        return new DeployedService(name, port, managementPort, database, List.of(topics), reads, secrets,
                databaseSetupSql, exposed);
    }

    public DeployedService reading(String... topics) {
        return new DeployedService(name, port, managementPort, database, writes, List.of(topics), secrets,
                databaseSetupSql, exposed);
    }

    public DeployedService withSecrets(String... names) {
        return new DeployedService(name, port, managementPort, database, writes, reads, List.of(names),
                databaseSetupSql, exposed);
    }

    public DeployedService withDatabaseSetup(String... sql) {
        return new DeployedService(name, port, managementPort, database, writes, reads, secrets, List.of(sql),
                exposed);
    }

    /** The suite's entrance: reachable from outside the cluster (through the Ingress). */
    public DeployedService asEntrance() {
        return new DeployedService(name, port, managementPort, database, writes, reads, secrets, databaseSetupSql,
                true);
    }

    /** Its CloudNativePG cluster; the operator writes the connection secret {@code <cluster>-app}. */
    public String databaseCluster() {
        return name + "-db";
    }
}
