package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.repository.CustomerReads;
import io.fieldsales.customer.repository.DuplicateQueries;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Finds likely duplicates of a customer among the tenant's active customers, from four signals, each answered by
 * an index (so it stays fast with a million customers): trigram similarity of names (GIN pg_trgm), the same
 * national phone number under another country code, the same email local part at another domain, the same
 * externalRef. Pairs a person marked as distinct ({@code not_duplicate}) are never suggested again.
 */
@ApplicationScoped
public class DuplicateFinder {

    public static final int MAX_CANDIDATES = 20;
    // How much each exact signal alone says; combined as independent evidence: 1 - prod(1 - s).
    static final double SAME_PHONE_NATIONAL = 0.9;
    static final double SAME_EXTERNAL_REF = 0.95;
    static final double SAME_EMAIL_LOCAL = 0.5;
    /** Names at least this similar (pg_trgm, 0..1) are candidates on their own. */
    static final double NAME_THRESHOLD = 0.45;

    @Inject
    CustomerReads reads;

    @Inject
    DuplicateQueries queries;

    public Uni<List<DuplicateCandidate>> duplicatesOf(Actor actor, UUID id) {
        return reads.byId(actor.tenantId(), id).chain(found -> {
            Customer c = found.filter(x -> x.status != CustomerStatus.DELETED)
                    .orElseThrow(() -> CustomerProblems.notFound(id));
            return queries.candidates(c, NAME_THRESHOLD)
                    .map(signalsFound -> {
                        List<DuplicateCandidate> candidates = new ArrayList<>();
                        for (DuplicateQueries.Signals signals : signalsFound) {
                            candidates.add(candidate(signals));
                        }
                        candidates.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                                .thenComparing(DuplicateCandidate::customerId));
                        return candidates.size() > MAX_CANDIDATES ? candidates.subList(0, MAX_CANDIDATES) : candidates;
                    });
        });
    }

    private static DuplicateCandidate candidate(DuplicateQueries.Signals r) {
        List<DuplicateCandidate.Reason> reasons = new ArrayList<>();
        double nameScore = round(r.nameScore());
        if (nameScore >= 0.3) {
            reasons.add(new DuplicateCandidate.Reason("similar_name", nameScore));
        }
        if (r.samePhoneNational()) {
            reasons.add(new DuplicateCandidate.Reason("same_phone_national_number", SAME_PHONE_NATIONAL));
        }
        if (r.sameEmailLocal()) {
            reasons.add(new DuplicateCandidate.Reason("same_email_local_part", SAME_EMAIL_LOCAL));
        }
        if (r.sameExternalRef()) {
            reasons.add(new DuplicateCandidate.Reason("same_external_ref", SAME_EXTERNAL_REF));
        }
        double unlikely = 1;
        for (DuplicateCandidate.Reason reason : reasons) {
            unlikely *= 1 - reason.score();
        }
        return new DuplicateCandidate(r.id(), r.name(), round(1 - unlikely), reasons);
    }

    /** Records that two customers are distinct people, so they are never suggested as duplicates again. */
    public Uni<Void> markDistinct(Actor actor, UUID id, UUID otherId) {
        if (otherId == null) {
            throw ProblemException.validation("customerId", "is required");
        }
        if (otherId.equals(id)) {
            throw ProblemException.validation("customerId", "must be another customer");
        }
        return queries.existing(actor.tenantId(), id, otherId).chain(found -> {
            UUID missing = !found.contains(id) ? id : !found.contains(otherId) ? otherId : null;
            if (missing != null) {
                return Uni.createFrom().failure(CustomerProblems.notFound(missing));
            }
            return queries.markDistinct(actor.tenantId(), id, otherId, actor.userId());
        });
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
