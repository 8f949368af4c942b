package io.fieldsales.cash.config;

import io.fieldsales.cash.events.CashSessionClosed;
import io.fieldsales.cash.events.CashSessionOpened;
import io.fieldsales.cash.events.CollectionAllocated;
import io.fieldsales.cash.events.CollectionRecorded;
import io.fieldsales.cash.events.DepositConfirmed;
import io.fieldsales.cash.events.DepositCreated;
import io.fieldsales.cash.events.DepositDisputed;
import io.fieldsales.cash.events.PaymentRecorded;
import io.fieldsales.cash.events.PayoutRecorded;
import io.fieldsales.cash.events.ReceivableOpened;
import io.fieldsales.cash.events.ReceivableSettled;
import io.fieldsales.cash.events.VarianceDecided;
import io.fieldsales.cash.events.VarianceFlagged;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event payloads Jackson writes into the outbox: a native image keeps their accessors only when they are
 * registered (REST request and response types are registered by Quarkus itself). NativeImageReadinessTest
 * (deploy/checks) fails when an events record is missing here.
 */
@RegisterForReflection(targets = {CashSessionClosed.class, CashSessionOpened.class, CollectionAllocated.class,
    CollectionRecorded.class, DepositConfirmed.class, DepositCreated.class, DepositDisputed.class,
    PaymentRecorded.class, PayoutRecorded.class, ReceivableOpened.class, ReceivableSettled.class,
    VarianceDecided.class, VarianceFlagged.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
