package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.gateway.api.CreateTenantRequest;
import io.fieldsales.gateway.api.NewUser;
import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.platform.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whoever reads the identity database's idempotency table learns nothing about the passwords of the users and
 * tenants created with an Idempotency-Key: no hash of the request body with a guessed password matches a stored
 * fingerprint, and no stored response holds the password.
 */
@QuarkusTest
class IdempotencyAtRestTest {

    @Inject
    ObjectMapper json;

    private static String sha256(String operation, byte[] body) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(operation.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(body);
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void guessingAPasswordAgainstTheStoredFingerprintsMatchesNothing() throws Exception {
        Tenant tenant = Api.newTenant();
        String password = "Guess-" + UUID.randomUUID().toString().substring(0, 8) + "-Staple-42";
        String key = "fp-user-" + UUID.randomUUID();
        as(tenant.adminToken()).header("Idempotency-Key", key)
                .body(Map.of("username", "fp-user", "password", password, "roles", List.of("cashier")))
                .post("/api/v1/users").then().statusCode(201);

        String slug = "fp-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantKey = "fp-tenant-" + UUID.randomUUID();
        as(Api.platformAdminToken()).header("Idempotency-Key", tenantKey)
                .body(Map.of("slug", slug, "name", "Fingerprint Ltd", "admin",
                        Map.of("username", "boss", "password", password)))
                .post("/api/v1/tenants").then().statusCode(201);

        List<String> stored = TestDatabase.strings(
                "select request_hash from idempotency_key where idem_key in (?, ?)", key, tenantKey);
        assertThat(stored).hasSize(2);
        List<String> guesses = new ArrayList<>();
        for (String candidate : List.of("wrong-guess-1", password)) {
            guesses.add(sha256("POST /api/v1/users", json.writeValueAsBytes(
                    new NewUser("fp-user", candidate, Set.of("cashier")))));
            guesses.add(sha256("POST /api/v1/tenants", json.writeValueAsBytes(new CreateTenantRequest(slug,
                    "Fingerprint Ltd", new CreateTenantRequest.AdminAccount("boss", candidate)))));
        }
        assertThat(stored).doesNotContainAnyElementsOf(guesses);

        String rows = TestDatabase.text("select string_agg(coalesce(response_body, '') || request_hash, '|')"
                + " from idempotency_key where idem_key in (?, ?)", key, tenantKey);
        assertThat(rows).doesNotContain(password);
    }
}
