package io.fieldsales.customer.api;

import io.fieldsales.customer.service.DuplicateCandidate;
import java.util.List;

/** Likely duplicates of a customer, best first. */
public record DuplicatesResponse(List<DuplicateCandidate> items) {
}
