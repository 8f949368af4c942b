package io.fieldsales.cash.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The notes and coins of a count: each value once, counts not negative, adding up to the counted cash. */
public final class Denominations {

    /** One denomination: its face value and how many were counted. */
    public record Line(BigDecimal value, long count) {
    }

    private Denominations() {
    }

    public static BigDecimal total(List<Line> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Line l : lines) {
            sum = sum.add(l.value().multiply(BigDecimal.valueOf(l.count())));
        }
        return sum;
    }

    /** Validates the lines and that they add up to {@code countedCash} (422 denominations_mismatch). */
    public static void check(List<Line> lines, BigDecimal countedCash, String currency) {
        Set<BigDecimal> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Money.positive("denominations[" + i + "].value", l.value(), currency);
            if (l.count() < 0 || l.count() > 1_000_000) {
                throw new InvalidCashInput("denominations[" + i + "].count", "must be between 0 and 1000000");
            }
            if (!seen.add(l.value().stripTrailingZeros())) {
                throw new InvalidCashInput("denominations[" + i + "].value", "is listed twice");
            }
        }
        if (total(lines).compareTo(countedCash) != 0) {
            throw new CashRuleViolation("denominations_mismatch", "The denominations add up to "
                    + total(lines).stripTrailingZeros().toPlainString() + ", not to the counted cash");
        }
    }
}
