package io.fieldsales.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerMergeTest {

    private static Customer customer(String name, String email, String phone, String... tags) {
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.name = name;
        c.email = email;
        c.emailCanonical = email;
        c.phone = phone;
        c.phoneCanonical = phone;
        c.tags = tags;
        return c;
    }

    @Test
    void survivorTakesWhatItLacksKeepsItsOwnValuesAndReportsConflicts() {
        Customer survivor = customer("Spaza Shop", "shop@example.com", null, "vip");
        Customer source = customer("Spaza Shop Soweto", "owner@example.com", "+27821234567", "vip", "cash");
        source.externalRef = "ERP-7";

        MergeOutcome outcome = CustomerMerge.fold(survivor, List.of(source), "mgr", Instant.EPOCH);

        assertThat(survivor.phone).isEqualTo("+27821234567");
        assertThat(survivor.email).isEqualTo("shop@example.com");
        assertThat(survivor.externalRef).isEqualTo("ERP-7");
        assertThat(survivor.tags).containsExactly("vip", "cash");
        assertThat(outcome.filledFields()).containsOnlyKeys("phone", "externalRef");
        assertThat(outcome.addedTags()).containsExactly("cash");
        assertThat(outcome.conflicts()).extracting(MergeConflict::field).containsExactly("name", "email");
        assertThat(source.status).isEqualTo(CustomerStatus.MERGED);
        assertThat(source.mergedInto).isEqualTo(survivor.id);
        // the merged record keeps all its own data
        assertThat(source.name).isEqualTo("Spaza Shop Soweto");
        assertThat(source.email).isEqualTo("owner@example.com");
    }

    @Test
    void firstSourceWinsAFieldTheSurvivorLacks() {
        Customer survivor = customer("Shop", "shop@example.com", null);
        Customer first = customer("Shop", null, "+27821111111");
        Customer second = customer("Shop", null, "+27822222222");

        MergeOutcome outcome = CustomerMerge.fold(survivor, List.of(first, second), "mgr", Instant.EPOCH);

        assertThat(survivor.phone).isEqualTo("+27821111111");
        assertThat(outcome.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.sourceId()).isEqualTo(second.id);
            assertThat(c.field()).isEqualTo("phone");
            assertThat(c.sourceValue()).isEqualTo("+27822222222");
        });
    }
}
