package io.fieldsales.audit;

import io.fieldsales.platform.testing.FieldsalesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module shares the embedded PostgreSQL and Kafka of the test JVM. */
@QuarkusTestResource(FieldsalesInfraResource.class)
@QuarkusTestResource(AuditWriterRole.class)
public class AuditTestInfra {
}
