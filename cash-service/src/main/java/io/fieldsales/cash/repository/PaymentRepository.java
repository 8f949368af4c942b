package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.ReceivablePayment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Non-cash payments of receivables. */
@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<ReceivablePayment, UUID> {
}
