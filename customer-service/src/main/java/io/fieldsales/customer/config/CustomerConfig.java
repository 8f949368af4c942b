package io.fieldsales.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.UUID;

/** Settings of the customer service ({@code fieldsales.customer.*}). */
@ConfigMapping(prefix = "fieldsales.customer")
public interface CustomerConfig {

    /** Region (ISO 3166-1 alpha-2) in which phone numbers without a country code are read. */
    @WithDefault("ZA")
    String defaultRegion();

    /** Per-tenant regions overriding {@link #defaultRegion()}: {@code tenant-regions."<uuid>"=KE}. */
    Map<String, String> tenantRegions();

    /** pg_trgm similarity (0..1) from which a new customer's name is reported as a possible duplicate. */
    @WithDefault("0.6")
    double possibleDuplicateThreshold();

    /** Largest import accepted in one request. */
    @WithDefault("10000")
    int importMaxRows();

    /** The phone region of a tenant. */
    default String phoneRegion(UUID tenantId) {
        return tenantRegions().getOrDefault(tenantId.toString(), defaultRegion());
    }
}
