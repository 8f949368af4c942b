package io.fieldsales.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DomainRecordsTest {

    @Test
    void aProductPricesWithItsListPriceCurrencyTaxAndTags() {
        Product p = new Product(UUID.randomUUID(), "S", "Soap", new BigDecimal("12.25"), "ZAR", new BigDecimal("0.15"),
                true, List.of("fmcg", "bath"), 3, Instant.EPOCH, Instant.EPOCH);
        assertThat(p.price()).isEqualTo(new ProductPrice("S", "Soap", new BigDecimal("12.25"), "ZAR",
                new BigDecimal("0.15"), Set.of("fmcg", "bath")));
    }

    @Test
    void onlyActiveCustomersOrderAndMergedOnesResolveToTheirSurvivor() {
        UUID survivor = UUID.randomUUID();
        assertThat(new CustomerStanding(UUID.randomUUID(), "ACTIVE", "a", List.of(), null).active()).isTrue();
        assertThat(new CustomerStanding(UUID.randomUUID(), "DELETED", "a", List.of(), null).active()).isFalse();
        assertThat(new CustomerStanding(UUID.randomUUID(), "MERGED", "a", List.of(), survivor).merged()).isTrue();
        assertThat(new CustomerStanding(UUID.randomUUID(), "MERGED", "a", List.of(), null).merged()).isFalse();
        assertThat(new CustomerStanding(UUID.randomUUID(), "ACTIVE", "a", List.of(), survivor).merged()).isFalse();
    }

    @Test
    void violationsCarryTheirCodeAndShortages() {
        InsufficientStock e = new InsufficientStock(List.of(new StockShortage("V", "A", 2, 1)));
        assertThat(e.code()).isEqualTo("insufficient_stock");
        assertThat(e.getMessage()).contains("1 line");
        assertThat(new RuleViolation("x_y", "detail").getMessage()).isEqualTo("detail");
        assertThat(new RuleConditions.Customer(UUID.randomUUID(), null).tags()).isEmpty();
        assertThat(new ProductPrice("A", "a", BigDecimal.ONE, "ZAR", BigDecimal.ZERO, null).tags()).isEmpty();
        assertThat(new QuoteLine(null, 1, null).discountPercent()).isEqualByComparingTo("0");
    }
}
