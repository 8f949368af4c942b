package io.fieldsales.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.EndpointAccess;
import org.junit.jupiter.api.Test;

/** Deny by default: every endpoint says who may call it (the kit closes any that does not). */
class EndpointAccessTest {

    @Test
    void everyEndpointDeclaresItsAccessRule() {
        assertThat(EndpointAccess.resourceMethods("io.fieldsales.order")).isPositive();
        assertThat(EndpointAccess.undeclared("io.fieldsales.order")).isEmpty();
    }
}
