package io.fieldsales.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactCanonicalizerTest {

    private final ContactCanonicalizer canonicalizer = new ContactCanonicalizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Thandi.Nkosi@Example.CO.ZA      | thandi.nkosi@example.co.za | thandi.nkosi",
            "'  rep@shop.example  '          | rep@shop.example           | rep",
            "first.last+orders@gmail.com     | first.last+orders@gmail.com | first.last+orders",
            "FirstLast@GMail.com             | firstlast@gmail.com        | firstlast",
            "o'brien@pub.ie                  | o'brien@pub.ie             | o'brien"})
    void emailIsTrimmedAndLowerCasedWithoutProviderRewriting(String raw, String canonical, String local) {
        CanonicalEmail email = canonicalizer.email(raw);
        assertThat(email.value()).isEqualTo(canonical);
        assertThat(email.localPart()).isEqualTo(local);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "plainaddress", "@example.com", "user@", "user@@example.com", "us er@example.com",
            "user@localhost", "user@-example.com", ".user@example.com", "user.@example.com", "user..x@example.com",
            "user@example..com", "\"quoted\"@example.com", "user@[127.0.0.1]", "'; drop table customer;--@x.com"})
    void malformedEmailsAreRejected(String raw) {
        assertThatThrownBy(() -> canonicalizer.email(raw)).isInstanceOf(InvalidContactException.class);
    }

    @org.junit.jupiter.api.Test
    void emailsLongerThan254CharactersAreRejected() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(3) + "c".repeat(10) + ".com"; // 64 + 1 + 197 = 262 chars
        assertThatThrownBy(() -> canonicalizer.email(local + "@" + domain))
                .isInstanceOf(InvalidContactException.class).hasMessageContaining("254");
        String fits = local + "@" + ("b".repeat(60) + ".").repeat(3) + "com"; // 64 + 1 + 186 = 251 chars
        assertThat(canonicalizer.email(fits).value()).hasSize(251);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "+27 82 123 4567     | ZA | +27821234567 | 821234567",
            "082-123-4567        | ZA | +27821234567 | 821234567",
            "(082) 123 4567      | ZA | +27821234567 | 821234567",
            "0027821234567       | ZA | +27821234567 | 821234567",
            "+27821234567        | US | +27821234567 | 821234567",
            "0712 345678         | KE | +254712345678 | 712345678",
            "(202) 555-0143      | US | +12025550143 | 2025550143",
            "+1 202 555 0143     | ZA | +12025550143 | 2025550143"})
    void phoneIsNormalizedToE164InTheTenantsRegion(String raw, String region, String e164, String national) {
        CanonicalPhone phone = canonicalizer.phone(raw, region);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.nationalNumber()).isEqualTo(national);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12", "0821", "+99 123 456 789", "082 123 4567 890 1234", "+27 00 000 0000",
            "1' or '1'='1"})
    void unparseableOrInvalidPhonesAreRejected(String raw) {
        assertThatThrownBy(() -> canonicalizer.phone(raw, "ZA")).isInstanceOf(InvalidContactException.class);
    }

    @Property(tries = 200)
    void everyWrittenFormOfANumberHasOneCanonicalForm(@ForAll("zaMobileNumbers") String subscriber,
            @ForAll("separators") String sep) {
        String national = "0" + subscriber.substring(0, 2) + sep + subscriber.substring(2, 5) + sep + subscriber.substring(5);
        String international = "+27" + sep + subscriber.substring(0, 2) + sep + subscriber.substring(2);
        String idd = "0027" + subscriber;
        String expected = "+27" + subscriber;
        assertThat(canonicalizer.phone(national, "ZA").e164()).isEqualTo(expected);
        assertThat(canonicalizer.phone(international, "ZA").e164()).isEqualTo(expected);
        assertThat(canonicalizer.phone(idd, "ZA").e164()).isEqualTo(expected);
        assertThat(canonicalizer.phone(international, "KE").e164()).isEqualTo(expected);
    }

    @Property(tries = 300)
    void canonicalEmailIsAFixedPoint(@ForAll("emails") String email) {
        String once = canonicalizer.email(email).value();
        assertThat(canonicalizer.email(once).value()).isEqualTo(once);
        assertThat(canonicalizer.email("  " + email.toUpperCase(java.util.Locale.ROOT) + " ").value()).isEqualTo(once);
    }

    @Property(tries = 200)
    void canonicalPhoneIsAFixedPoint(@ForAll("zaMobileNumbers") String subscriber) {
        String once = canonicalizer.phone("0" + subscriber, "ZA").e164();
        assertThat(canonicalizer.phone(once, "US").e164()).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> zaMobileNumbers() {
        // Vodacom/MTN/Cell C mobile ranges: 72, 73, 74, 76, 79, 82, 83, 84 followed by 7 digits
        return Combinators.combine(Arbitraries.of("72", "73", "74", "76", "79", "82", "83", "84"),
                Arbitraries.strings().numeric().ofLength(7)).as((prefix, rest) -> prefix + rest);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", ".", " - ");
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> atom = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars("+_-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .ofMinLength(1).ofMaxLength(15);
        return Combinators.combine(atom, label, label).as((l, d, tld) -> l + "@" + d + "." + tld);
    }
}
