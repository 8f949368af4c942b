package io.fieldsales.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every service of the suite as deployed, in the local stack's order. A service joins {@code deploy/k8s}, the compose
 * file's checks and the configuration reference with one entry here (plus its entry in the local stack's
 * {@code ServiceCatalog}, which {@code DeploymentCatalogTest} keeps in step); an entry whose module is not in the
 * repository is left out of everything, as the local stack does.
 */
public final class DeploymentCatalog {

    /** The Strimzi Kafka cluster: its bootstrap service is {@code <name>-kafka-bootstrap}. */
    public static final String KAFKA_CLUSTER = "fieldsales";

    /** Topics with their partitions: events are read by up to 3 consumers of a group, dead letters by people. */
    public static final List<Topic> TOPICS = List.of(
            new Topic("customer.events", 3), new Topic("order.events", 3), new Topic("cash.events", 3),
            new Topic("security.events", 3), new Topic("audit.checkpoints", 1),
            new Topic("customer.events.dlq", 1), new Topic("order.events.dlq", 1), new Topic("cash.events.dlq", 1),
            new Topic("security.events.dlq", 1), new Topic("audit.dlq", 1));

    /** A Kafka topic and its partition count (replication 3, min.insync.replicas 2 for all). */
    public record Topic(String name, int partitions) {
    }

    private DeploymentCatalog() {
    }

    public static List<DeployedService> suite() {
        return List.of(
                DeployedService.internal("gateway", 8080, "identity").asEntrance()
                        .writing("security.events")
                        .withSecrets("gateway-keys"),
                DeployedService.internal("customer-service", 8081, "customers")
                        .writing("customer.events"),
                DeployedService.internal("order-service", 8082, "orders")
                        // its customer projection and the receivables' settlements; poison to their DLQs
                        .writing("order.events", "customer.events.dlq", "cash.events.dlq")
                        .reading("customer.events", "cash.events"),
                DeployedService.internal("cash-service", 8083, "cash")
                        // receivables from deliveries, refunds paid as payouts; poison to order.events.dlq
                        .writing("cash.events", "order.events.dlq")
                        .reading("order.events"),
                DeployedService.internal("audit-service", 8084, "audit")
                        // every *.events topic, and nothing else: it cannot forge another service's events
                        .reading("customer.events", "order.events", "cash.events", "security.events")
                        .writing("audit.checkpoints", "audit.dlq")
                        .withSecrets("audit-service-keys")
                        // its migration expects audit_writer (append and read only), granted to its owner role
                        .withDatabaseSetup(
                                "do $$ begin if not exists (select 1 from pg_roles where rolname = 'audit_writer') "
                                        + "then create role audit_writer nologin; end if; end $$",
                                "grant audit_writer to audit"));
    }

    /** The services whose module is in the repository at {@code repoRoot}. */
    public static List<DeployedService> present(Path repoRoot) {
        return suite().stream().filter(s -> Files.exists(repoRoot.resolve(s.name()).resolve("pom.xml"))).toList();
    }
}
