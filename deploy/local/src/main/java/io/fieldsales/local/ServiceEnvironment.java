package io.fieldsales.local;

import java.util.List;

/**
 * What a service's environment is computed from: the addresses of the running stack and its secrets.
 *
 * @param postgresPort  the PostgreSQL port on 127.0.0.1
 * @param kafkaBootstrap host:port of Kafka
 * @param gatewayUrl    the gateway's base URL (its JWKS is where every service gets the token keys)
 * @param services      every service that runs in this stack, with the port it runs on
 * @param secrets       generated keys and passwords, kept in the data directory
 */
public record ServiceEnvironment(int postgresPort, String kafkaBootstrap, String gatewayUrl,
        List<ServiceSpec> services, LocalSecrets secrets) {

    public String urlOf(ServiceSpec service) {
        return "http://127.0.0.1:" + service.port();
    }

    /** Base URL of the service's management interface (health, metrics, OpenAPI). */
    public String managementUrlOf(ServiceSpec service) {
        return "http://127.0.0.1:" + service.managementPort();
    }
}
