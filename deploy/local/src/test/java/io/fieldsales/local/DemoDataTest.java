package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private final List<Map<String, Object>> customers = DemoData.customers(new Random(7));

    @Test
    void twoHundredCustomersWhoseContactsNeverCollideSoEveryCreateSucceeds() {
        assertThat(customers).hasSize(200);
        assertThat(values("phone")).doesNotHaveDuplicates().allMatch(p -> p.matches("0[78][0-9] \\d{3} \\d{4}"));
        List<String> emails = values("email");
        assertThat(emails).doesNotHaveDuplicates().allMatch(e -> e.matches("[a-z0-9.+]+@[a-z.]+"));
        assertThat(values("name")).allMatch(n -> !n.isBlank() && n.length() <= 200);
    }

    @Test
    void aboutOneInSevenIsANearDuplicateTheDuplicateFinderShows() {
        Map<String, Long> refs = values("externalRef").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(refs.values().stream().filter(n -> n > 1).count()).as("same ERP reference")
                .isGreaterThanOrEqualTo(5);
        Map<String, Long> localParts = values("email").stream().map(e -> e.substring(0, e.indexOf('@')))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(localParts.values().stream().filter(n -> n > 1).count()).as("same email local part")
                .isGreaterThanOrEqualTo(3);
        assertThat(customers.stream().filter(c -> ((List<?>) c.get("tags")).contains("duplicate-candidate")))
                .hasSize(30);
    }

    @Test
    void theSameSeedGivesTheSameCustomersSoARerunCreatesNothingNew() {
        assertThat(DemoData.customers(new Random(7))).isEqualTo(customers);
    }

    private List<String> values(String field) {
        return customers.stream().map(c -> (String) c.get(field)).filter(Objects::nonNull).toList();
    }
}
