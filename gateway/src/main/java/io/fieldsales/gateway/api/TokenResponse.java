package io.fieldsales.gateway.api;

import io.fieldsales.gateway.service.IssuedTokens;

public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse of(IssuedTokens tokens) {
        return bearer(tokens.accessToken(), tokens.refreshToken(), tokens.expiresInSeconds());
    }

    public static TokenResponse bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenResponse(accessToken, refreshToken, "Bearer", expiresIn);
    }
}
