package io.fieldsales.gateway;

import io.fieldsales.gateway.support.UpstreamPortsResource;
import io.fieldsales.platform.testing.FieldsalesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module shares the embedded PostgreSQL and Kafka of the test JVM, and the upstream ports (the
 * tests start real HTTP servers on them when they need a service behind the gateway).
 */
@QuarkusTestResource(FieldsalesInfraResource.class)
@QuarkusTestResource(UpstreamPortsResource.class)
public class GatewayTestInfra {
}
