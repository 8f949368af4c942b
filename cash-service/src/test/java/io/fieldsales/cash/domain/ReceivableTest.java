package io.fieldsales.cash.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A receivable opens OPEN, owing its whole amount, and settles at zero. */
class ReceivableTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aReceivableOpensOpenWithWhatIsDueAndNothingPaid() {
        Instant before = Instant.now();
        Receivable r = Receivable.open(tenant, "ORDER", new BigDecimal("120.50"), "EUR", LocalDate.of(2026, 12, 30));
        assertThat(r.id).isNotNull();
        assertThat(r.tenantId).isEqualTo(tenant);
        assertThat(r.kind).isEqualTo("ORDER");
        assertThat(r.amountDue).isEqualByComparingTo("120.50");
        assertThat(r.currency).isEqualTo("EUR");
        assertThat(r.dueDate).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(r.status).isEqualTo("OPEN");
        assertThat(r.openedAt).isBetween(before, Instant.now());
        assertThat(r.outstanding()).isEqualByComparingTo("120.50");
        assertThat(Receivable.open(tenant, "ORDER", BigDecimal.ONE, "EUR", null).id).isNotEqualTo(r.id);
    }

    @Test
    void paymentsSettleItAtZero() {
        Receivable r = Receivable.open(tenant, "REP_SHORTAGE", new BigDecimal("10.00"), "EUR", LocalDate.now());
        assertThat(r.apply(new BigDecimal("4.00"), Instant.now())).isFalse();
        assertThat(r.status).isEqualTo("OPEN");
        assertThat(r.apply(new BigDecimal("6.00"), Instant.now())).isTrue();
        assertThat(r.status).isEqualTo("SETTLED");
        assertThat(r.outstanding()).isEqualByComparingTo("0");
    }
}
