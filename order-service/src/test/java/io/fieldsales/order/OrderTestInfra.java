package io.fieldsales.order;

import io.fieldsales.platform.testing.FieldsalesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module shares the embedded PostgreSQL and Kafka of the test JVM and a fake customer-service
 * (one Quarkus start).
 */
@QuarkusTestResource(FieldsalesInfraResource.class)
@QuarkusTestResource(FakeCustomerService.class)
public class OrderTestInfra {
}
