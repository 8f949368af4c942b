package io.fieldsales.gateway.service;

/** A signed access token and the refresh token that renews it. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds) {
}
