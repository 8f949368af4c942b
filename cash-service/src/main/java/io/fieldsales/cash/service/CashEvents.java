package io.fieldsales.cash.service;

import io.fieldsales.cash.events.CashEventTypes;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Appends this service's events to the outbox, in the caller's transaction, after the rows they describe. */
@ApplicationScoped
public class CashEvents {

    @Inject
    Outbox outbox;

    /**
     * @param aggregateType cash-session, collection, payout, deposit or receivable: the Kafka key's entity
     * @param aggregateId   its id: the Kafka key, so one aggregate's events stay in order
     */
    public Uni<Void> append(UUID tenantId, String actorId, String type, String aggregateType, UUID aggregateId,
            Object payload) {
        return outbox.append(new OutboxEvent(CashEventTypes.TOPIC, type, aggregateType, aggregateId.toString(),
                tenantId, actorId, payload)).replaceWithVoid();
    }
}
