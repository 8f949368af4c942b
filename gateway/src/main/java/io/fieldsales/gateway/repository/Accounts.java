package io.fieldsales.gateway.repository;

import io.fieldsales.gateway.domain.AppUser;
import io.fieldsales.gateway.domain.Tenant;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Users and tenants (Panache entities), in the caller's session or transaction. */
@ApplicationScoped
public class Accounts {

    /** A platform user (no tenant) by username, or null. */
    public Uni<AppUser> platformUser(String username) {
        return AppUser.<AppUser>find("tenantId is null and username = ?1", username).firstResult();
    }

    /** A tenant's user by username, or null. */
    public Uni<AppUser> tenantUser(UUID tenantId, String username) {
        return AppUser.<AppUser>find("tenantId = ?1 and username = ?2", tenantId, username).firstResult();
    }

    /** A tenant's user by id, or null. */
    public Uni<AppUser> userInTenant(UUID tenantId, UUID id) {
        return AppUser.<AppUser>find("id = ?1 and tenantId = ?2", id, tenantId).firstResult();
    }

    public Uni<AppUser> user(UUID id) {
        return AppUser.findById(id);
    }

    /** Up to {@code limit} of the tenant's users after {@code afterUsername}, by username. */
    public Uni<List<AppUser>> usersAfter(UUID tenantId, String afterUsername, int limit) {
        return AppUser.<AppUser>find("tenantId = ?1 and username > ?2", Sort.by("username"), tenantId,
                afterUsername == null ? "" : afterUsername).page(0, limit).list();
    }

    /** Up to {@code limit} tenants after {@code afterSlug} (null: from the first), by slug. */
    public Uni<List<Tenant>> tenantsAfter(String afterSlug, int limit) {
        return Tenant.<Tenant>find("slug > ?1", Sort.by("slug"), afterSlug == null ? "" : afterSlug)
                .page(0, limit).list();
    }

    public Uni<Tenant> tenantBySlug(String slug) {
        return Tenant.<Tenant>find("slug", slug).firstResult();
    }

    public Uni<Tenant> tenant(UUID id) {
        return Tenant.findById(id);
    }
}
