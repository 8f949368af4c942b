package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.Deposit;
import java.util.List;
import java.util.UUID;

/** A deposit, its sessions and whether it waits too long for the bank's confirmation. */
public record DepositView(Deposit deposit, List<UUID> sessionIds, boolean ageing, long ageDays) {
}
