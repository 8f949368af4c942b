package io.fieldsales.cash;

import io.fieldsales.platform.testing.FieldsalesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module shares the embedded PostgreSQL and Kafka of the test JVM (one Quarkus start). */
@QuarkusTestResource(FieldsalesInfraResource.class)
public class CashTestInfra {
}
