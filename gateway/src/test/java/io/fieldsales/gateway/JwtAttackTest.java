package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.anonymous;
import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.service.AccessTokenIssuer;
import io.fieldsales.gateway.service.SigningKeys;
import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.gateway.support.FakeUpstream;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every attack on the bearer token listed in the issue, against the proxy and the gateway's own endpoints. */
@QuarkusTest
class JwtAttackTest {

    private static FakeUpstream customers;

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    SigningKeys keys;

    @BeforeAll
    static void startUpstream() throws Exception {
        customers = FakeUpstream.start("customer");
    }

    @AfterAll
    static void stopUpstream() throws Exception {
        customers.close();
    }

    private JwtClaims validClaims(UUID tenant) {
        JwtClaims c = new JwtClaims();
        c.setIssuer("fieldsales");
        c.setAudience("fieldsales-api");
        c.setSubject(UUID.randomUUID().toString());
        c.setClaim("upn", "attacker");
        c.setStringListClaim("groups", List.of("admin"));
        c.setClaim("tenant_id", tenant.toString());
        c.setJwtId(UUID.randomUUID().toString());
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(10);
        return c;
    }

    private JwtClaims claims(UUID tenant, Consumer<JwtClaims> change) {
        JwtClaims c = validClaims(tenant);
        change.accept(c);
        return c;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String unsigned(String alg, JwtClaims claims) {
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + currentKid() + "\"}";
        return b64(header) + "." + b64(claims.toJson()) + ".";
    }

    private String currentKid() {
        return keys.signingKey().orElseThrow().kid();
    }

    private String hs256WithPublicKey(JwtClaims claims, byte[] secret) throws Exception {
        String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + currentKid() + "\"}") + "."
                + b64(claims.toJson());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Signed with the attacker's own RSA key, with whatever headers the attack needs. */
    private static String attackerSigned(JwtClaims claims, String kid, Map<String, Object> extraHeaders,
            KeyPair attacker) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(kid);
        extraHeaders.forEach((name, value) -> jws.getHeaders().setObjectHeaderValue(name, value));
        jws.setKey(attacker.getPrivate());
        return jws.getCompactSerialization();
    }

    @Test
    void everyTokenAttackIsRejectedWith401OnTheProxyAndOnTheGatewaysOwnEndpoints() throws Exception {
        UUID tenant = UUID.randomUUID();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        RsaJsonWebKey attackerJwk = new RsaJsonWebKey((RSAPublicKey) attacker.getPublic());
        attackerJwk.setKeyId(currentKid());
        Map<String, Object> embeddedJwk = attackerJwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        RSAPublicKey ours = keys.signingKey().orElseThrow().publicKey();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(ours.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String valid = issuer.sign(validClaims(tenant));
        String[] validParts = valid.split("\\.");

        Map<String, String> attacks = new LinkedHashMap<>();
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            attacks.put("alg " + alg, unsigned(alg, validClaims(tenant)));
        }
        attacks.put("HS256 with the public key PEM as secret", hs256WithPublicKey(validClaims(tenant),
                pem.getBytes(StandardCharsets.US_ASCII)));
        attacks.put("HS256 with the public key DER as secret", hs256WithPublicKey(validClaims(tenant),
                ours.getEncoded()));
        attacks.put("jku to the attacker's key set", attackerSigned(validClaims(tenant), currentKid(),
                Map.of("jku", "https://evil.example/jwks.json"), attacker));
        attacks.put("x5u to the attacker's certificate", attackerSigned(validClaims(tenant), currentKid(),
                Map.of("x5u", "https://evil.example/cert.pem"), attacker));
        attacks.put("embedded jwk of the attacker", attackerSigned(validClaims(tenant), currentKid(),
                Map.of("jwk", embeddedJwk), attacker));
        attacks.put("jku on a genuinely signed token", signedWithHeader("jku", "https://evil.example/jwks.json",
                validClaims(tenant)));
        attacks.put("unknown kid", attackerSigned(validClaims(tenant), "k-unknown-1", Map.of(), attacker));
        attacks.put("kid with a path", attackerSigned(validClaims(tenant), "../../../../../../dev/null", Map.of(),
                attacker));
        attacks.put("kid with SQL", attackerSigned(validClaims(tenant), "x' UNION SELECT 'secret' --", Map.of(),
                attacker));
        attacks.put("signed by the attacker with our kid", attackerSigned(validClaims(tenant), currentKid(),
                Map.of(), attacker));
        attacks.put("payload tampered after signing", validParts[0] + "."
                + b64(claims(tenant, c -> c.setStringListClaim("groups", List.of("admin", "platform_admin"))).toJson())
                + "." + validParts[2]);
        attacks.put("wrong iss", issuer.sign(claims(tenant, c -> c.setIssuer("evil"))));
        attacks.put("missing iss", issuer.sign(claims(tenant, c -> c.unsetClaim("iss"))));
        attacks.put("wrong aud", issuer.sign(claims(tenant, c -> c.setAudience("other-api"))));
        attacks.put("missing aud", issuer.sign(claims(tenant, c -> c.unsetClaim("aud"))));
        attacks.put("expired 45 s ago (beyond the 30 s skew)", issuer.sign(claims(tenant, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 960));
            c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 45));
        })));
        attacks.put("not valid before 2 minutes from now", issuer.sign(claims(tenant,
                c -> c.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 120)))));
        attacks.put("missing exp", issuer.sign(claims(tenant, c -> c.unsetClaim("exp"))));
        attacks.put("typ JWT instead of at+jwt (RFC 9068)", signedWithHeader("typ", "JWT", validClaims(tenant)));
        attacks.put("typ of an ID token", signedWithHeader("typ", "id_token+jwt", validClaims(tenant)));
        attacks.put("typ null (no token type)", signedWithHeader("typ", null, validClaims(tenant)));
        attacks.put("signed by another service's test key", TestTokens.forTenant(tenant).roles("admin").mint());
        attacks.put("not a JWT at all", "definitely-not-a-token");

        int hitsBefore = customers.hits();
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            for (String path : List.of("/api/v1/customers/c-1", "/api/v1/auth/me")) {
                int status = as(attack.getValue()).get(path).then().extract().statusCode();
                assertThat(status).as(attack.getKey() + " on " + path).isEqualTo(401);
            }
        }
        assertThat(customers.hits()).as("no attack reached the upstream").isEqualTo(hitsBefore);

        // the boundary: a token expired 10 s ago is still inside the 30 s skew
        String justExpired = issuer.sign(claims(tenant, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 910));
            c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 10));
        }));
        as(justExpired).get("/api/v1/customers/c-1").then().statusCode(200);
        // RFC 9068 also allows the full media type
        as(signedWithHeader("typ", "application/at+jwt", validClaims(tenant))).get("/api/v1/customers/c-1").then()
                .statusCode(200);
    }

    private String signedWithHeader(String header, String value, JwtClaims claims) throws Exception {
        // a genuinely signed token cannot be produced by an attacker, but the header alone must already fail
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(currentKid());
        jws.getHeaders().setObjectHeaderValue("typ", "at+jwt");
        jws.getHeaders().setObjectHeaderValue(header, value);
        jws.setKey(keys.signingKey().orElseThrow().privateKey());
        return jws.getCompactSerialization();
    }

    @Test
    void aValidTokenReachesTheUpstreamWithItsHeadersIntact() {
        Tenant tenant = Api.newTenant();
        String token = tenant.adminToken();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "req-proxy-1")
                .header("traceparent", traceparent).header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=6.6.6.6")
                .get("/api/v1/customers/c-42?expand=contacts").then().statusCode(200)
                .header("X-Request-Id", "req-proxy-1")
                .header("Server", org.hamcrest.Matchers.nullValue())
                .body("path", equalTo("/api/v1/customers/c-42")).body("query", equalTo("expand=contacts"));
        Map<String, String> seen = customers.lastHeaders();
        assertThat(seen.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(seen.get("x-request-id")).isEqualTo("req-proxy-1");
        // the caller's trace continues; the parent the upstream sees is the gateway's proxy hop (ObservabilityTest)
        assertThat(seen.get("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(seen.get("x-forwarded-for")).isEqualTo("203.0.113.9");
        assertThat(seen.get("x-forwarded-proto")).isEqualTo("http");
        assertThat(seen.get("x-forwarded-host")).startsWith("localhost:");
        assertThat(seen).doesNotContainKey("forwarded");
    }

    @Test
    void aPlatformAdminTokenCannotReadTenantDataThroughTheProxy() {
        as(Api.platformAdminToken()).get("/api/v1/customers").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("tenant_required"));
    }

    @Test
    void aMissingTokenIs401WithBearerChallenge() {
        anonymous().get("/api/v1/orders/o-1").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthorized"));
    }
}
