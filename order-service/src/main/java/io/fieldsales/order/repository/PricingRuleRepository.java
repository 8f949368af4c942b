package io.fieldsales.order.repository;

import static io.fieldsales.order.repository.SqlValues.*;

import io.fieldsales.order.domain.PricingRule;
import io.fieldsales.order.domain.RuleAction;
import io.fieldsales.order.domain.RuleConditions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Pricing rules; conditions are stored as jsonb. */
@ApplicationScoped
public class PricingRuleRepository {

    static final String COLUMNS = "id, name, priority, valid_from, valid_to, cast(conditions as text), action, value,"
            + " currency, exclusive, active, version";

    @Inject
    Sql sql;

    /** A rule with its version. */
    public record Versioned(PricingRule rule, long version) {
    }

    public Uni<Void> insert(UUID tenant, PricingRule r) {
        return sql.update("insert into pricing_rule (id, tenant_id, name, priority, valid_from, valid_to, conditions,"
                        + " action, value, currency, exclusive, active) values (?1, ?2, ?3, ?4,"
                        + " cast(cast(?5 as text) as timestamptz), cast(cast(?6 as text) as timestamptz),"
                        + " cast(cast(?7 as text) as jsonb), ?8, ?9, cast(?10 as text), ?11, ?12)",
                r.id(), tenant, r.name(), r.priority(), ts(r.validFrom()), ts(r.validTo()), json(r.conditions()),
                r.action().name(), r.value(), r.currency(), r.exclusive(), r.active()).replaceWithVoid();
    }

    public Uni<Boolean> update(UUID tenant, PricingRule r, long expectedVersion) {
        return sql.update("update pricing_rule set name = ?3, priority = ?4,"
                        + " valid_from = cast(cast(?5 as text) as timestamptz),"
                        + " valid_to = cast(cast(?6 as text) as timestamptz), conditions = cast(cast(?7 as text) as jsonb),"
                        + " action = ?8, value = ?9, currency = cast(?10 as text), exclusive = ?11, active = ?12,"
                        + " version = version + 1, updated_at = now() where tenant_id = ?1 and id = ?2 and version = ?13",
                tenant, r.id(), r.name(), r.priority(), ts(r.validFrom()), ts(r.validTo()), json(r.conditions()),
                r.action().name(), r.value(), r.currency(), r.exclusive(), r.active(), expectedVersion)
                .map(n -> n == 1);
    }

    public Uni<Versioned> find(UUID tenant, UUID id) {
        return sql.row("select " + COLUMNS + " from pricing_rule where tenant_id = ?1 and id = ?2", tenant, id)
                .map(r -> r == null ? null : from(r));
    }

    /** Every active rule of the tenant (the engine filters by validity and conditions). */
    public Uni<List<PricingRule>> active(UUID tenant) {
        return sql.rows("select " + COLUMNS + " from pricing_rule where tenant_id = ?1 and active", tenant)
                .map(rows -> rows.stream().map(r -> from(r).rule()).toList());
    }

    public Uni<List<Versioned>> list(UUID tenant, UUID after, int limit) {
        // the tenant as a range leading the order, so that the plan starts from the tenant's rows, not from the
        // primary key's first id (ids are UUIDv7: an older tenant's rules all come first); see customer-service's
        // CustomerReads.pageStatement
        return sql.rows("select " + COLUMNS + " from pricing_rule where tenant_id >= ?1 and tenant_id <= ?1 and id > ?2"
                        + " order by tenant_id, id limit ?3",
                tenant, after == null ? new UUID(0, 0) : after, limit)
                .map(rows -> rows.stream().map(PricingRuleRepository::from).toList());
    }

    static Versioned from(Object[] r) {
        RuleConditions c = read(r[5], RuleConditions.class);
        return new Versioned(new PricingRule(uuid(r[0]), text(r[1]), (int) number(r[2]), instant(r[3]), instant(r[4]),
                c, RuleAction.valueOf(text(r[6])), decimal(r[7]), r[8] == null ? null : text(r[8]).trim(), bool(r[9]),
                bool(r[10])), number(r[11]));
    }
}
