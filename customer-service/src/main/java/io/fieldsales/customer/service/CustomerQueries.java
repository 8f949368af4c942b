package io.fieldsales.customer.service;

import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.domain.PhoneSearch;
import io.fieldsales.customer.domain.TextRules;
import io.fieldsales.customer.repository.CustomerListQuery;
import io.fieldsales.customer.repository.CustomerReads;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.db.KeysetCursor;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads of customers: by id (merged ids keep resolving) and keyset-paginated lists. */
@ApplicationScoped
public class CustomerQueries {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    private static final int MAX_QUERY = 100;

    @Inject
    CustomerReads reads;

    @Inject
    CustomerConfig config;

    /** A page of customers with the cursor of the next page. */
    public record Page(List<Customer> items, String nextCursor) {
    }

    /**
     * The customer, also when MERGED (with {@code mergedInto}) or ERASED (anonymized). Deleted customers are 404
     * unless {@code includeDeleted} (which the caller allows to admins only); other tenants' are always 404.
     */
    public Uni<Customer> get(Actor actor, UUID id, boolean includeDeleted) {
        return reads.byId(actor.tenantId(), id).map(found -> found
                .filter(c -> includeDeleted || c.status != CustomerStatus.DELETED)
                .orElseThrow(() -> CustomerProblems.notFound(id)));
    }

    public Uni<Page> list(Actor actor, String q, String status, String tag, Integer limit, String cursor,
            boolean includeDeleted) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Set<CustomerStatus> statuses = statuses(status, includeDeleted);
        String text = blankToNull(q);
        if (text != null && (TextRules.hasControlCharacters(text) || text.length() > MAX_QUERY)) {
            throw invalid("q", "must be at most " + MAX_QUERY + " characters without control characters");
        }
        String tagFilter = blankToNull(tag);
        if (tagFilter != null) {
            tagFilter = tagFilter.toLowerCase(java.util.Locale.ROOT);
        }
        String phonePrefix = text == null ? null : PhoneSearch.canonicalPrefix(text, config.phoneRegion(actor.tenantId()));
        CustomerListQuery query = new CustomerListQuery(actor.tenantId(), statuses, text, phonePrefix, tagFilter,
                decodeCursor(cursor), size);
        return reads.page(query).map(rows -> rows.size() > size
                ? new Page(rows.subList(0, size), encodeCursor(rows.get(size - 1).id))
                : new Page(rows, null));
    }

    private static Set<CustomerStatus> statuses(String status, boolean includeDeleted) {
        if (status == null || status.isBlank()) {
            return includeDeleted ? EnumSet.of(CustomerStatus.ACTIVE, CustomerStatus.DELETED)
                    : EnumSet.of(CustomerStatus.ACTIVE);
        }
        CustomerStatus s;
        try {
            s = CustomerStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("status", "must be one of ACTIVE, MERGED, DELETED, ERASED");
        }
        if (s == CustomerStatus.DELETED && !includeDeleted) {
            throw invalid("status", "DELETED customers are listed only with includeDeleted=true (admins)");
        }
        return EnumSet.of(s);
    }

    static String encodeCursor(UUID lastId) {
        return KeysetCursor.encode(lastId.toString());
    }

    static UUID decodeCursor(String cursor) {
        return KeysetCursor.decode(cursor, UUID::fromString);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ErrorCode.INVALID_PARAMETER.status(), ErrorCode.INVALID_PARAMETER.code(),
                ErrorCode.INVALID_PARAMETER.title(), field + " " + message,
                List.of(new io.fieldsales.platform.errors.FieldError(field, message)));
    }
}
