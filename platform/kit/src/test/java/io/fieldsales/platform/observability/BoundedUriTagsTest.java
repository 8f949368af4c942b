package io.fieldsales.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedUriTagsTest {

    @Test
    void idsAndQueriesLeaveTheUriTagTemplatesAndWordsStay() {
        assertThat(BoundedUriTags.bounded("/api/v1/customers/3f2c8a4e-1b2c-4d5e-8f90-123456789abc/merge?email=a@b.c"))
                .isEqualTo("/api/v1/customers/{id}/merge");
        assertThat(BoundedUriTags.bounded("/api/v1/orders/12345")).isEqualTo("/api/v1/orders/{id}");
        assertThat(BoundedUriTags.bounded("/api/v1/cash-sessions/{id}/close")).isEqualTo("/api/v1/cash-sessions/{id}/close");
        assertThat(BoundedUriTags.bounded("/api/v1/stock/adjustments")).isEqualTo("/api/v1/stock/adjustments");
        assertThat(BoundedUriTags.bounded("/api/v1/products/SKU-0001A")).isEqualTo("/api/v1/products/{id}");
    }
}
