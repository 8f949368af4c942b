package io.fieldsales.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Mints real RS256 JWTs, as the gateway issues them, with a test key pair made once per test JVM, so service
 * tests exercise the real verification path ({@code iss=fieldsales}, {@code aud=fieldsales-api}, {@code kid}).
 *
 * <pre>{@code
 * String token = TestTokens.forTenant(tenantId).user("rep-1").roles("sales_rep").mint();
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "fieldsales";
    public static final String AUDIENCE = "fieldsales-api";
    public static final String KEY_ID = "test-key-1";
    /** The {@code typ} header of an access token (RFC 9068), as the gateway issues them. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";
    static final String KEY_DIR = "fieldsales.test.jwt.dir";

    private UUID tenantId;
    private String subject = "user-" + UUID.randomUUID();
    private Set<String> roles = Set.of();
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(15);
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private String type = ACCESS_TOKEN_TYPE;

    private TestTokens() {
    }

    /** A token for a user of a tenant. */
    public static TestTokens forTenant(UUID tenantId) {
        TestTokens t = new TestTokens();
        t.tenantId = tenantId;
        return t;
    }

    /** A token that carries no tenant claim (platform users, or an attack). */
    public static TestTokens withoutTenant() {
        return new TestTokens();
    }

    public TestTokens user(String subject) {
        this.subject = subject;
        return this;
    }

    public TestTokens roles(String... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    public TestTokens issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public TestTokens lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestTokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** The {@code typ} header (default {@code at+jwt}): tests of tokens that are not access tokens change it. */
    public TestTokens type(String type) {
        this.type = type;
        return this;
    }

    /** Signs the token with the test private key. */
    public String mint() {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId.toString());
        }
        return claims.jws().keyId(KEY_ID).header("typ", type).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(privateKey());
    }

    /** The JWKS file holding the test public key, made on first use. */
    public static synchronized Path jwksFile() {
        return keyDir().resolve("jwks.json");
    }

    static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(Files.readString(keyDir().resolve("private.pk8.b64")).trim());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path keyDir() {
        String known = System.getProperty(KEY_DIR);
        if (known != null) {
            return Path.of(known);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("fieldsales-test-jwt");
            dir.toFile().deleteOnExit();
            Path privateFile = dir.resolve("private.pk8.b64");
            Files.writeString(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            Path jwks = dir.resolve("jwks.json");
            Files.writeString(jwks, jwks((RSAPublicKey) pair.getPublic()), StandardCharsets.UTF_8);
            privateFile.toFile().deleteOnExit();
            jwks.toFile().deleteOnExit();
            System.setProperty(KEY_DIR, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
