package io.fieldsales.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.DomainPurity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The domain stays pure (CONTRIBUTING.md, layering): nothing reactive, no HTTP, no SQL client, no Kafka. */
class DomainPurityTest {

    @Test
    void domainImportsNoReactiveOrTransportTypes() {
        assertThat(DomainPurity.violations(Path.of("src/main/java/io/fieldsales/order/domain"))).isEmpty();
    }
}
