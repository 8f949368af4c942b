package io.fieldsales.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The Quarkus test resource every service uses: the shared embedded PostgreSQL and Kafka, and JWT verification
 * against the test key pair of {@link TestTokens}.
 *
 * <p>If the standard datasource or Kafka properties are already set (environment variables such as
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL} and {@code KAFKA_BOOTSTRAP_SERVERS}, or system properties), those servers
 * are used instead of starting embedded ones, so the same tests run against an external PostgreSQL or Kafka.
 */
public class FieldsalesInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (!externallyConfigured("quarkus.datasource.reactive.url")) {
            int port = SharedInfra.postgresPort();
            String hostAndDb = "127.0.0.1:" + port + "/" + SharedInfra.DATABASE;
            config.put("quarkus.datasource.reactive.url", "postgresql://" + hostAndDb);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndDb);
            config.put("quarkus.datasource.username", SharedInfra.DB_ROLE);
            config.put("quarkus.datasource.password", SharedInfra.DB_PASSWORD);
        }
        if (!externallyConfigured("kafka.bootstrap.servers")) {
            config.put("kafka.bootstrap.servers", SharedInfra.kafkaBootstrap());
        }
        config.put("mp.jwt.verify.publickey.location", TestTokens.jwksFile().toString());
        config.put("quarkus.devservices.enabled", "false");
        // The embedded broker logs through the test JVM's log manager: keep its chatter out of the build log.
        config.put("quarkus.log.category.\"kafka\".level", "WARN");
        config.put("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
        config.put("quarkus.log.category.\"state.change.logger\".level", "WARN");
        return config;
    }

    private static boolean externallyConfigured(String property) {
        String env = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        return System.getenv(env) != null || System.getProperty(property) != null;
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM: stopped by a shutdown hook when the JVM exits.
    }
}
