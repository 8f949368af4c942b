package io.fieldsales.customer.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Body of a merge: the customers to fold into the path's customer and, optionally, the versions the caller saw. */
public record MergeRequest(List<UUID> sourceIds, Map<UUID, Long> expectedVersions) {
}
