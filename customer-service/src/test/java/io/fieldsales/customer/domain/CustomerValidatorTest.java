package io.fieldsales.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fieldsales.platform.errors.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerValidatorTest {

    private final CustomerValidator validator = new CustomerValidator(new ContactCanonicalizer());

    private List<String> fieldsWithErrors(CustomerDetails details) {
        CustomerValidationException e = catchThrowableOfType(CustomerValidationException.class,
                () -> validator.validate(details, "ZA"));
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void validCustomerIsTrimmedAndCanonicalized() {
        ValidCustomer v = validator.validate(new CustomerDetails("  Spaza Shop  ", " Owner@Shop.Example ",
                "082 123 4567", " ERP-1 ", new Address(List.of(" 1 Main Rd "), "Soweto", "1804", "za"),
                List.of("VIP", "vip", "wholesale")), "ZA");
        assertThat(v.name()).isEqualTo("Spaza Shop");
        assertThat(v.canonicalEmail().value()).isEqualTo("owner@shop.example");
        assertThat(v.canonicalPhone().e164()).isEqualTo("+27821234567");
        assertThat(v.externalRef()).isEqualTo("ERP-1");
        assertThat(v.address().country()).isEqualTo("ZA");
        assertThat(v.address().lines()).containsExactly("1 Main Rd");
        assertThat(v.tags()).containsExactly("vip", "wholesale");
        assertThat(v.contacts()).containsExactly(new Contact(ContactKind.EMAIL, "owner@shop.example"),
                new Contact(ContactKind.PHONE, "+27821234567"));
    }

    @Test
    void atLeastOneOfEmailAndPhoneIsRequired() {
        assertThat(fieldsWithErrors(new CustomerDetails("Shop", null, "  ", null, null, null)))
                .containsExactly("email", "phone");
    }

    @Test
    void nameIsRequiredAndAtMost200Characters() {
        assertThat(fieldsWithErrors(new CustomerDetails(" ", "a@b.co", null, null, null, null))).containsExactly("name");
        assertThat(fieldsWithErrors(new CustomerDetails("x".repeat(201), "a@b.co", null, null, null, null)))
                .containsExactly("name");
        // 200 emoji are 400 UTF-16 chars but 200 characters
        assertThat(validator.validate(new CustomerDetails("\uD83D\uDE00".repeat(200), "a@b.co", null, null, null, null),
                "ZA").name()).hasSize(400);
    }

    @Test
    void controlCharactersAreRejectedInEveryField() {
        assertThat(fieldsWithErrors(new CustomerDetails("Shop\u0000", "a@b.co\n", "082 123 4567\t", "ref\u001b",
                new Address(List.of("line\r"), "city\u0085", "1\u2028", null), List.of("t\u0007"))))
                .containsExactlyInAnyOrder("name", "email", "phone", "externalRef", "address.lines[0]",
                        "address.city", "address.postalCode", "tags[0]");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThat(fieldsWithErrors(new CustomerDetails("", "not-an-email", "12", null,
                new Address(List.of(), null, null, "ZZ"), null)))
                .containsExactlyInAnyOrder("name", "email", "phone", "address.country");
    }
}
