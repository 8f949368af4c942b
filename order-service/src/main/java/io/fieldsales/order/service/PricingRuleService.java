package io.fieldsales.order.service;

import io.fieldsales.order.domain.Money;
import io.fieldsales.order.domain.PricingRule;
import io.fieldsales.order.domain.RuleAction;
import io.fieldsales.order.domain.RuleConditions;
import io.fieldsales.order.repository.PricingRuleRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.FieldError;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Pricing rules of a tenant. Changing a rule never re-prices an existing order (orders keep frozen lines). */
@ApplicationScoped
public class PricingRuleService {

    @Inject
    PricingRuleRepository rules;

    /** A rule as a client describes it. */
    public record RuleFields(String name, Integer priority, Instant validFrom, Instant validTo,
            RuleConditions conditions, String action, BigDecimal value, String currency, Boolean exclusive,
            Boolean active) {
    }

    static PricingRule validate(UUID id, RuleFields f) {
        List<FieldError> errors = new ArrayList<>();
        if (f.name() == null || f.name().isBlank() || f.name().length() > 200) {
            errors.add(new FieldError("name", "required, at most 200 characters"));
        }
        if (f.priority() == null || f.priority() < 0 || f.priority() > 1_000_000) {
            errors.add(new FieldError("priority", "required, 0 to 1000000 (higher applies first)"));
        }
        RuleAction action = null;
        try {
            action = f.action() == null ? null : RuleAction.valueOf(f.action());
        } catch (IllegalArgumentException e) {
            action = null;
        }
        if (action == null) {
            errors.add(new FieldError("action", "one of PERCENT_OFF, AMOUNT_OFF, FIXED_PRICE"));
        }
        if (f.value() == null || f.value().signum() < 0) {
            errors.add(new FieldError("value", "required, not negative"));
        } else if (action == RuleAction.PERCENT_OFF && (f.value().compareTo(new BigDecimal(100)) > 0
                || f.value().stripTrailingZeros().scale() > 4)) {
            errors.add(new FieldError("value", "a percentage from 0 to 100"));
        }
        if (action != null && action != RuleAction.PERCENT_OFF && f.currency() == null) {
            errors.add(new FieldError("currency", "required for AMOUNT_OFF and FIXED_PRICE"));
        }
        if (f.validFrom() != null && f.validTo() != null && !f.validTo().isAfter(f.validFrom())) {
            errors.add(new FieldError("validTo", "must be after validFrom"));
        }
        RuleConditions c = f.conditions() == null ? RuleConditions.any() : f.conditions();
        if (c.minQuantity() != null && c.minQuantity() < 1) {
            errors.add(new FieldError("conditions.minQuantity", "at least 1"));
        }
        if (c.minOrderTotal() != null && c.minOrderTotal().signum() < 0) {
            errors.add(new FieldError("conditions.minOrderTotal", "not negative"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        if (f.currency() != null) {
            var currency = Money.currency(f.currency());
            if (action != RuleAction.PERCENT_OFF) {
                Money.requireAmount("value", f.value(), currency);
            }
        }
        return new PricingRule(id, f.name().strip(), f.priority(), f.validFrom(), f.validTo(), c, action, f.value(),
                f.currency(), f.exclusive() != null && f.exclusive(), f.active() == null || f.active());
    }

    @WithTransaction
    public Uni<PricingRuleRepository.Versioned> create(Actor actor, RuleFields fields) {
        PricingRule rule = validate(UUID.randomUUID(), fields);
        return rules.insert(actor.tenantId(), rule).chain(() -> rules.find(actor.tenantId(), rule.id()));
    }

    @WithSession
    public Uni<PricingRuleRepository.Versioned> get(Actor actor, UUID id) {
        return rules.find(actor.tenantId(), id).onItem().ifNull().failWith(() -> RuleProblems.notFound("pricing rule"));
    }

    @WithSession
    public Uni<List<PricingRuleRepository.Versioned>> list(Actor actor, UUID after, int limit) {
        return rules.list(actor.tenantId(), after, limit);
    }

    /** Replaces the rule's fields (the resource merges the patch into the current ones) if the version holds. */
    @WithTransaction
    public Uni<PricingRuleRepository.Versioned> update(Actor actor, UUID id, long expectedVersion,
            java.util.function.Function<PricingRule, RuleFields> patch) {
        return get(actor, id).chain(current -> {
            PricingRule changed = validate(id, patch.apply(current.rule()));
            return rules.update(actor.tenantId(), changed, expectedVersion).chain(ok -> ok
                    ? rules.find(actor.tenantId(), id)
                    : Uni.createFrom().failure(new ProblemException(ErrorCode.VERSION_CONFLICT,
                            "The rule was changed by someone else; fetch it again and retry")));
        });
    }
}
