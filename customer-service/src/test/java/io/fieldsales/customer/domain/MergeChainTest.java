package io.fieldsales.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge walk's rule, without a database: where to go next and where to stop. */
class MergeChainTest {

    private static Customer customer(CustomerStatus status, UUID mergedInto) {
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.status = status;
        c.mergedInto = mergedInto;
        return c;
    }

    @Test
    void aMergedCustomerLeadsToTheOneItWasMergedInto() {
        UUID survivor = UUID.randomUUID();
        assertThat(MergeChain.next(customer(CustomerStatus.MERGED, survivor), 0)).contains(survivor);
    }

    @Test
    void aCustomerThatIsNotMergedAwayEndsTheWalk() {
        assertThat(MergeChain.next(customer(CustomerStatus.ACTIVE, null), 0)).isEmpty();
        assertThat(MergeChain.next(customer(CustomerStatus.DELETED, null), 3)).isEmpty();
        // merged without a survivor recorded: nowhere to go
        assertThat(MergeChain.next(customer(CustomerStatus.MERGED, null), 0)).isEmpty();
    }

    @Test
    void theWalkStopsAfterMaxHopsEvenOnACycle() {
        Customer cyclic = customer(CustomerStatus.MERGED, null);
        cyclic.mergedInto = cyclic.id;
        assertThat(MergeChain.next(cyclic, MergeChain.MAX_HOPS - 1)).contains(cyclic.id);
        assertThat(MergeChain.next(cyclic, MergeChain.MAX_HOPS)).isEmpty();
    }
}
