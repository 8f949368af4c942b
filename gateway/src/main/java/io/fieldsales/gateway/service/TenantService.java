package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.AppUser;
import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.domain.Tenant;
import io.fieldsales.gateway.events.SecurityEventTypes;
import io.fieldsales.gateway.events.TenantStatusChanged;
import io.fieldsales.gateway.repository.Accounts;
import io.fieldsales.gateway.repository.RefreshTokens;
import jakarta.persistence.OptimisticLockException;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A platform admin's tenants: creation with the first admin (the unique slug index decides races between two
 * creations), listing, and disabling or re-enabling one. Disabling revokes the refresh tokens of every user of the
 * tenant and writes {@code tenant.disabled.v1} in the same transaction; the gateway then refuses the tenant's logins,
 * refresh tokens and access tokens ({@link DisabledUsers}: this replica at once, the others within 5 s).
 */
@ApplicationScoped
public class TenantService {

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordRules passwordRules;

    @Inject
    Accounts accounts;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    SecurityEvents securityEvents;

    @Inject
    DisabledUsers disabled;

    /** A page of tenants by slug and the slug to continue after (null on the last page). */
    public record Page(List<Tenant> items, String lastSlug) {
    }

    public Uni<Page> list(String afterSlug, int limit) {
        return Panache.withSession(() -> accounts.tenantsAfter(afterSlug, limit + 1)).map(tenants -> {
            boolean more = tenants.size() > limit;
            List<Tenant> items = tenants.stream().limit(limit).toList();
            return new Page(items, more ? items.get(items.size() - 1).slug : null);
        });
    }

    public Uni<Tenant> get(UUID id) {
        return Panache.withSession(() -> find(id));
    }

    /**
     * Disables or re-enables the tenant if it is still at {@code expectedVersion} (412 otherwise); a request that
     * changes nothing changes nothing (no new version, no event).
     */
    public Uni<Tenant> setDisabled(String adminId, UUID id, long expectedVersion, boolean disable) {
        return Panache.withTransaction(() -> find(id).chain(tenant -> {
            if (tenant.version != expectedVersion) {
                return Uni.createFrom().failure(new OptimisticLockException("stale tenant " + id));
            }
            if (tenant.disabled == disable) {
                return Uni.createFrom().item(tenant);
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            tenant.disabled = disable;
            tenant.updatedAt = now;
            Uni<Integer> revoked = disable ? refreshTokens.revokeAllOfTenant(id, now) : Uni.createFrom().item(0);
            return revoked.chain(count -> tenant.<Tenant>persistAndFlush().chain(() -> securityEvents
                    .appendInTransaction(SecurityEvents.event(
                            disable ? SecurityEventTypes.TENANT_DISABLED : SecurityEventTypes.TENANT_ENABLED,
                            "tenant", id.toString(), id, adminId,
                            new TenantStatusChanged(id, tenant.slug, disable, tenant.version, adminId, count,
                                    now.toInstant())))))
                    .replaceWith(tenant);
        })).invoke(changed -> disabled.tenantChanged(changed.id, changed.disabled));
    }

    private Uni<Tenant> find(UUID id) {
        return accounts.tenant(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No tenant " + id));
    }

    /** Creates a tenant with its first admin; 409 tenant_exists if the slug is taken. */
    public Uni<CreatedTenant> create(String slug, String name, String adminUsername, String adminPassword) {
        String username = adminUsername.toLowerCase(Locale.ROOT);
        passwordRules.check("admin.password", username, adminPassword);
        return hasher.hash(adminPassword).chain(hash -> Panache.withTransaction(() -> {
            Tenant tenant = new Tenant();
            tenant.id = UUID.randomUUID();
            tenant.slug = slug;
            tenant.name = name.trim();
            tenant.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            AppUser admin = new AppUser();
            admin.id = UUID.randomUUID();
            admin.tenantId = tenant.id;
            admin.username = username;
            admin.passwordHash = hash;
            admin.roles = new String[] {Roles.ADMIN};
            admin.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return tenant.persistAndFlush().chain(() -> admin.persistAndFlush())
                    .map(ignored -> new CreatedTenant(tenant, admin));
        })).onFailure().transform(failure -> DatabaseErrors.uniqueViolation(failure)
                .<Throwable>map(constraint -> ProblemException.of(409, "tenant_exists", "Tenant exists",
                        "A tenant with slug '" + slug + "' already exists"))
                .orElse(failure));
    }
}
