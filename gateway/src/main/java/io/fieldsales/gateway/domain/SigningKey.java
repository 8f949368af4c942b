package io.fieldsales.gateway.domain;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

/** An RS256 key pair of the gateway, decrypted in memory. */
public record SigningKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey, String publicJwk,
        Instant createdAt, Instant activatesAt, Instant retiredAt) {
}
