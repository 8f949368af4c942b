package io.fieldsales.cash.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} fits: {2}")
    @CsvSource({
            "12.34, ZAR, true", "12.345, ZAR, false", "12.340, ZAR, true", "12, ZAR, true", "0.01, ZAR, true",
            "100, JPY, true", "1.5, JPY, false", "1.0, JPY, true", "1.234, KWD, true", "1.2345, KWD, false",
            "1E+3, ZAR, true"})
    void amountsFitTheirCurrencyPrecision(String amount, String currency, boolean fits) {
        assertThat(Money.fitsCurrency(new BigDecimal(amount), currency)).isEqualTo(fits);
    }

    @ParameterizedTest
    @CsvSource({"ZAR, 2", "JPY, 0", "KWD, 3", "USD, 2"})
    void fractionDigitsComeFromIso4217(String currency, int digits) {
        assertThat(Money.fractionDigits(currency)).isEqualTo(digits);
    }

    @ParameterizedTest
    @CsvSource(value = {"zar", "ZA", "ZARR", "QQQ", "XXX", "NULL"}, nullValues = "NULL")
    void unknownOrMalformedCurrenciesAreRefused(String code) {
        assertThatThrownBy(() -> Money.currency("currency", code)).isInstanceOf(InvalidCashInput.class)
                .extracting(e -> ((InvalidCashInput) e).field()).isEqualTo("currency");
    }

    @Test
    void knownCurrencyIsReturned() {
        assertThat(Money.currency("currency", "KES")).isEqualTo("KES");
    }

    @Test
    void positiveAmountsAreStoredWithFourDecimals() {
        assertThat(Money.positive("amount", new BigDecimal("12.5"), "ZAR")).isEqualByComparingTo("12.5")
                .extracting(BigDecimal::scale).isEqualTo(4);
        assertThat(Money.positive("amount", new BigDecimal("0.01"), "ZAR")).isEqualByComparingTo("0.01");
    }

    @ParameterizedTest
    @CsvSource(value = {"0, must be greater than 0", "-1, must be greater than 0", "12.345, has more decimals",
            "1000000000000, is too large", "-1000000000000, is too large", "NULL, is required"}, nullValues = "NULL")
    void positiveRefusesZeroNegativeOverPreciseHugeAndMissing(String amount, String message) {
        assertThatThrownBy(() -> Money.positive("amount", amount == null ? null : new BigDecimal(amount), "ZAR"))
                .isInstanceOf(InvalidCashInput.class).hasMessageContaining(message)
                .extracting(e -> ((InvalidCashInput) e).field()).isEqualTo("amount");
    }

    @Test
    void justBelowTheLimitIsAccepted() {
        assertThat(Money.positive("amount", new BigDecimal("999999999999.99"), "ZAR"))
                .isEqualByComparingTo("999999999999.99");
    }

    @Test
    void nonNegativeAcceptsZeroButNotLess() {
        assertThat(Money.nonNegative("openingFloat", BigDecimal.ZERO, "ZAR")).isEqualByComparingTo("0");
        assertThatThrownBy(() -> Money.nonNegative("openingFloat", new BigDecimal("-0.01"), "ZAR"))
                .isInstanceOf(InvalidCashInput.class).hasMessageContaining("negative");
    }

    @Test
    void displayUsesTheCurrencyDecimals() {
        assertThat(Money.display(new BigDecimal("12.5000"), "ZAR")).hasToString("12.50");
        assertThat(Money.display(new BigDecimal("12.0000"), "JPY")).hasToString("12");
        assertThat(Money.display(null, "ZAR")).isNull();
        assertThat(Money.stored(new BigDecimal("1.5"))).hasToString("1.5000");
    }

    @Test
    void decimalsIgnoreTrailingZerosAndNeverGoNegative() {
        assertThat(Money.decimals(new BigDecimal("1.500"))).isEqualTo(1);
        assertThat(Money.decimals(new BigDecimal("1E+2"))).isZero();
    }
}
