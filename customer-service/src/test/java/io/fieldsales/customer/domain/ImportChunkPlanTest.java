package io.fieldsales.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a chunk of import rows is planned and settled around the database's answers, without a database. */
class ImportChunkPlanTest {

    private final ContactCanonicalizer canonicalizer = new ContactCanonicalizer();

    private ImportCandidate row(int row, String email) {
        ValidCustomer valid = new CustomerValidator(canonicalizer).validate(
                new CustomerDetails("Row " + row, email, null, null, null, List.of()), "ZA");
        return new ImportCandidate(row, valid, UUID.randomUUID());
    }

    private static Contact email(String value) {
        return new Contact(ContactKind.EMAIL, value);
    }

    @Test
    void aContactResolvedByAnEarlierChunkEndsThereAndClaimsNothing() {
        UUID earlier = UUID.randomUUID();
        ImportChunkPlan plan = ImportChunkPlan.of(List.of(row(5, "seen@example.com")),
                Map.of(email("seen@example.com"), earlier));
        assertThat(plan.claims()).isEmpty();
        ImportChunkPlan.Outcome outcome = plan.settle(plan.reserve(List.of()), Map.of());
        assertThat(outcome.rows()).containsExactly(new ImportRowOutcome(5, ImportRowOutcome.Kind.RESOLVED, earlier));
        assertThat(outcome.created()).isEmpty();
    }

    @Test
    void aRowSharingAContactWithAnEarlierNewRowEndsWhereThatRowEnds() {
        ImportCandidate first = row(1, "shared@example.com");
        ImportCandidate second = row(2, "shared@example.com");
        ImportChunkPlan plan = ImportChunkPlan.of(List.of(first, second), Map.of());
        assertThat(plan.claims()).containsExactly(new ContactClaim(email("shared@example.com"), first.newId()));

        ImportChunkPlan.Outcome outcome = plan.settle(plan.reserve(plan.claims()), Map.of());

        assertThat(outcome.created()).containsExactly(first);
        assertThat(outcome.rows()).containsExactlyInAnyOrder(
                new ImportRowOutcome(1, ImportRowOutcome.Kind.CREATED, first.newId()),
                new ImportRowOutcome(2, ImportRowOutcome.Kind.RESOLVED, first.newId()));
        assertThat(outcome.seenInFile()).containsEntry(email("shared@example.com"), first.newId());
    }

    @Test
    void aRowWhoseContactIsTakenResolvesToItsOwnerOrMustBeImportedAgain() {
        ImportCandidate owned = row(1, "owned@example.com");
        ImportCandidate released = row(2, "released@example.com");
        ImportCandidate dependent = row(3, "released@example.com");
        UUID owner = UUID.randomUUID();
        ImportChunkPlan plan = ImportChunkPlan.of(List.of(owned, released, dependent), new HashMap<>());

        ImportChunkPlan.Reservation reservation = plan.reserve(List.of()); // the database granted nothing
        assertThat(reservation.toCreate()).isEmpty();
        assertThat(reservation.blockedIds()).containsExactly(owned.newId(), released.newId());
        ImportChunkPlan.Outcome outcome = plan.settle(reservation, Map.of(email("owned@example.com"), owner));

        assertThat(outcome.rows()).containsExactlyInAnyOrder(
                new ImportRowOutcome(1, ImportRowOutcome.Kind.RESOLVED, owner),
                new ImportRowOutcome(2, ImportRowOutcome.Kind.OWNER_CHANGED, null),
                new ImportRowOutcome(3, ImportRowOutcome.Kind.OWNER_CHANGED, null));
        assertThat(outcome.created()).isEmpty();
        assertThat(outcome.seenInFile()).containsOnly(Map.entry(email("owned@example.com"), owner));
    }

    @Test
    void settlingTwiceGivesTheSameOutcome() {
        ImportChunkPlan plan = ImportChunkPlan.of(List.of(row(1, "a@example.com"), row(2, "b@example.com")),
                Map.of());
        ImportChunkPlan.Reservation reservation = plan.reserve(plan.claims());
        assertThat(plan.settle(reservation, Map.of())).isEqualTo(plan.settle(reservation, Map.of()));
    }
}
