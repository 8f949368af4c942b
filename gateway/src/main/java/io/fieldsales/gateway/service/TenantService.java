package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.AppUser;
import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.domain.Tenant;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/** Creates tenants with their first admin; the unique slug index decides races between two creations. */
@ApplicationScoped
public class TenantService {

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordRules passwordRules;

    /** Creates a tenant with its first admin; 409 tenant_exists if the slug is taken. */
    public Uni<CreatedTenant> create(String slug, String name, String adminUsername, String adminPassword) {
        String username = adminUsername.toLowerCase(Locale.ROOT);
        passwordRules.check("admin.password", username, adminPassword);
        return hasher.hash(adminPassword).chain(hash -> Panache.withTransaction(() -> {
            Tenant tenant = new Tenant();
            tenant.id = UUID.randomUUID();
            tenant.slug = slug;
            tenant.name = name.trim();
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
