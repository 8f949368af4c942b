package io.fieldsales.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class CustomerIdsTest {

    @Property(tries = 200)
    void idsAreVersion7AndSortByCreationTime(@ForAll @LongRange(min = 0, max = 1L << 46) long millis,
            @ForAll @LongRange(min = 1, max = 100_000) long later) {
        UUID first = CustomerIds.at(millis);
        UUID second = CustomerIds.at(millis + later);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        // PostgreSQL orders uuids bytewise, i.e. as unsigned numbers: compare the same way
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits())).isNegative();
    }
}
