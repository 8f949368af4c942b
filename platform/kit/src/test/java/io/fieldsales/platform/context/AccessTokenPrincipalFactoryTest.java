package io.fieldsales.platform.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessTokenPrincipalFactoryTest {

    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    private static String accessToken(KeyPair signer, long expiresInSeconds) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("fieldsales");
        claims.setSubject("user-1");
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + expiresInSeconds));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "at+jwt");
        jws.setKey(signer.getPrivate());
        return jws.getCompactSerialization();
    }

    private static JWTAuthContextInfo ours() {
        return new JWTAuthContextInfo((RSAPublicKey) keys.getPublic(), "fieldsales");
    }

    /** A factory on a clock the test moves, and the principal of its first parse of a token of ours. */
    private record FirstParse(AtomicLong now, AccessTokenPrincipalFactory factory, String token,
            JWTCallerPrincipal first) {

        static FirstParse ofTokenLiving(int seconds) throws Exception {
            AtomicLong now = new AtomicLong(System.currentTimeMillis());
            AccessTokenPrincipalFactory factory = new AccessTokenPrincipalFactory(now::get);
            String token = accessToken(keys, seconds);
            return new FirstParse(now, factory, token, factory.parse(token, ours()));
        }

        /** Moves the clock on, then parses the token again. */
        JWTCallerPrincipal parseAfter(long millis) throws Exception {
            now.addAndGet(millis);
            return factory.parse(token, ours());
        }
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWithinAMinute() throws Exception {
        FirstParse p = FirstParse.ofTokenLiving(600);
        assertThat(p.first().getSubject()).isEqualTo("user-1");
        assertThat(p.parseAfter(59_000)).as("remembered").isSameAs(p.first());
        assertThat(p.parseAfter(2_000)).as("verified again after a minute").isNotSameAs(p.first())
                .extracting(JWTCallerPrincipal::getSubject).isEqualTo("user-1");
    }

    @Test
    void aRememberedTokenIsNotUsedPastItsExpiry() throws Exception {
        FirstParse p = FirstParse.ofTokenLiving(5);
        assertThat(p.parseAfter(6_000)).as("past exp: verified again, not served from memory")
                .isNotSameAs(p.first());
    }

    @Test
    void aTokenOfAnotherKeyOrAnotherTypeIsNeverRemembered() throws Exception {
        AccessTokenPrincipalFactory factory = new AccessTokenPrincipalFactory();
        String forged = accessToken(otherKeys, 600);
        assertThatThrownBy(() -> factory.parse(forged, ours())).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> factory.parse(forged, ours())).as("still refused the second time")
                .isInstanceOf(ParseException.class);
        String idToken = accessToken(keys, 600).replaceFirst("^[^.]+", java.util.Base64.getUrlEncoder()
                .withoutPadding().encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes()));
        assertThatThrownBy(() -> factory.parse(idToken, ours())).isInstanceOf(ParseException.class)
                .hasMessageContaining("at+jwt");
    }
}
