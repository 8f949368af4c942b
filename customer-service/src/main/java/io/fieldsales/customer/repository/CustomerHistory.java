package io.fieldsales.customer.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.context.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** {@code customer_history}: one row per change of a customer (who, when, what), in the change's transaction. */
@ApplicationScoped
public class CustomerHistory {

    @Inject
    ObjectMapper json;

    /** Records a change; {@code changes} maps field names to {from, to} or to what the action needs to say. */
    public Uni<Void> record(UUID tenantId, UUID customerId, long version, String action, String actor,
            Map<String, ?> changes) {
        String changesJson;
        try {
            changesJson = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("history is not serializable", e));
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("insert into customer_history (id, tenant_id,"
                        + " customer_id, version, action, changed_by, request_id, changes)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as text), cast(cast(?8 as text) as jsonb))")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, tenantId)
                .setParameter(3, customerId)
                .setParameter(4, version)
                .setParameter(5, action)
                .setParameter(6, actor)
                .setParameter(7, RequestIds.current())
                .setParameter(8, changesJson)
                .executeUpdate()).replaceWithVoid();
    }

    /** Erasure: drops what the history says about the customers' data, keeping who changed them and when. */
    public Uni<Integer> redact(UUID tenantId, Collection<UUID> customerIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update customer_history set changes ="
                        + " '{\"redacted\":true}' where tenant_id = ?1 and customer_id = any(?2)")
                .setParameter(1, tenantId)
                .setParameter(2, customerIds.toArray(UUID[]::new))
                .executeUpdate());
    }
}
