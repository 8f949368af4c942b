package io.fieldsales.gateway.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A person who signs in: a tenant user with tenant roles, or a platform user (no tenant, platform_admin). */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public UUID tenantId;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(columnDefinition = "text[]")
    public String[] roles;

    public boolean disabled;

    @Version
    public long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public Set<String> roleSet() {
        return new TreeSet<>(Arrays.asList(roles));
    }

    public boolean isPlatformUser() {
        return tenantId == null;
    }
}
