package io.fieldsales.gateway.api;

import java.util.List;

public record UserPage(List<UserResponse> items, String nextCursor) {
}
