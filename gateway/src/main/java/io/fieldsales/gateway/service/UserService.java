package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.AppUser;
import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.repository.Accounts;
import io.fieldsales.gateway.repository.RefreshTokens;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.errors.FieldError;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A tenant admin's management of the tenant's users. Every query is bound to the admin's tenant (from the JWT), so
 * another tenant's users are simply not found. Disabling a user revokes all their refresh tokens in the same
 * transaction.
 */
@ApplicationScoped
public class UserService {

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordRules passwordRules;

    @Inject
    DisabledUsers disabledUsers;

    @Inject
    Accounts accounts;

    @Inject
    RefreshTokens refreshTokens;

    /** A page of users and the cursor of the next one (the last username; null on the last page). */
    public record Page(List<AppUser> items, String nextCursor) {
    }

    /** What an admin changes on a user: each field null when unchanged. */
    public record Changes(Set<String> roles, Boolean disabled, String password) {
    }

    public Uni<AppUser> create(Actor admin, String requestedUsername, String password, Set<String> requestedRoles) {
        String username = requestedUsername.toLowerCase(Locale.ROOT);
        String[] roles = tenantRoles("roles", requestedRoles);
        passwordRules.check("password", username, password);
        return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> {
            AppUser user = new AppUser();
            user.id = UUID.randomUUID();
            user.tenantId = admin.tenantId();
            user.username = username;
            user.passwordHash = hash;
            user.roles = roles;
            user.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return user.persistAndFlush().replaceWith(user);
        })).onFailure().transform(failure -> DatabaseErrors.uniqueViolation(failure)
                .<Throwable>map(constraint -> ProblemException.of(409, "username_taken", "Username taken",
                        "This tenant already has a user named '" + username + "'"))
                .orElse(failure));
    }

    public Uni<AppUser> get(Actor admin, UUID id) {
        return Panache.withSession(() -> find(admin, id));
    }

    /** Users of the admin's tenant by username, {@code limit} at a time; the cursor is the last username seen. */
    public Uni<Page> list(Actor admin, String cursor, int limit) {
        return Panache.withSession(() -> accounts.usersAfter(admin.tenantId(), cursor, limit + 1))
                .map(users -> {
                    boolean more = users.size() > limit;
                    List<AppUser> items = users.stream().limit(limit).toList();
                    return new Page(items, more ? items.get(items.size() - 1).username : null);
                });
    }

    /**
     * Applies the changes if the user is still at {@code expectedVersion} (412 otherwise). An admin cannot disable
     * themselves or drop their own admin role (the tenant would risk having no admin).
     */
    public Uni<AppUser> change(Actor admin, UUID id, long expectedVersion, Changes changes) {
        String[] roles = changes.roles() == null ? null : tenantRoles("roles", changes.roles());
        boolean self = admin.userId().equals(id.toString());
        if (self && (Boolean.TRUE.equals(changes.disabled()) || roles != null && !Set.of(roles).contains(Roles.ADMIN))) {
            return Uni.createFrom().failure(ProblemException.of(422, "self_lockout", "Self lockout",
                    "You cannot disable yourself or remove your own admin role; ask another admin"));
        }
        Uni<String> newHash = Uni.createFrom().nullItem();
        if (changes.password() != null) {
            Uni<AppUser> current = Panache.withSession(() -> find(admin, id));
            newHash = current.chain(user -> {
                passwordRules.check("password", user.username, changes.password());
                return hasher.hash(changes.password());
            });
        }
        return newHash.chain(hash -> Panache.withTransaction(() -> find(admin, id).chain(user -> {
            if (user.version != expectedVersion) {
                return Uni.createFrom().failure(new OptimisticLockException("stale user " + id));
            }
            boolean disabling = Boolean.TRUE.equals(changes.disabled()) && !user.disabled;
            boolean revoke = disabling || hash != null;
            if (roles != null) {
                user.roles = roles;
            }
            if (changes.disabled() != null) {
                user.disabled = changes.disabled();
            }
            if (hash != null) {
                user.passwordHash = hash;
            }
            user.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            Uni<Integer> revoked = revoke
                    ? refreshTokens.revokeAllOfUser(user.id, OffsetDateTime.now(ZoneOffset.UTC))
                    : Uni.createFrom().item(0);
            return revoked.chain(() -> user.persistAndFlush()).replaceWith(user);
        }))).invoke(changed -> disabledUsers.changed(changed.id, changed.disabled));
    }

    private Uni<AppUser> find(Actor admin, UUID id) {
        return accounts.userInTenant(admin.tenantId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No user " + id));
    }

    private static String[] tenantRoles(String field, Set<String> requested) {
        List<FieldError> errors = new ArrayList<>();
        for (String role : requested) {
            if (!Roles.isTenantRole(role)) {
                errors.add(new FieldError(field, "unknown role '" + role + "'; one of " + new TreeSet<>(
                        Roles.TENANT_ROLES)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return new TreeSet<>(requested).toArray(String[]::new);
    }
}
