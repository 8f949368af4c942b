package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.AllocationRow;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Allocations of collections and payments to receivables. */
@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<AllocationRow, UUID> {
}
