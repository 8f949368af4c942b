package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * What may come back and what it is worth: per sku, at most what was delivered minus what earlier returns took
 * back ({@code return_exceeds_delivery}); its value is the order's frozen net unit price times the quantity,
 * rounded like a line, plus the line's tax, rounded per line.
 */
public final class ReturnRules {

    private ReturnRules() {
    }

    /** A sku the return asks for, with the order line it comes from. */
    public record ReturnedLine(String sku, long quantity, String reason) {
    }

    /** The returned value of each line and in total (tax included). */
    public record ReturnValue(List<BigDecimal> lineTotals, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    /** Refuses a return that exceeds deliveries; {@code delivered} and {@code alreadyReturned} are per sku. */
    public static void checkQuantities(List<ReturnedLine> lines, Map<String, Long> delivered,
            Map<String, Long> alreadyReturned) {
        Map<String, Long> asked = new java.util.HashMap<>();
        for (ReturnedLine l : lines) {
            if (l.quantity() <= 0) {
                throw new RuleViolation("invalid_quantity", "quantity of " + l.sku() + " must be positive");
            }
            if (!delivered.containsKey(l.sku())) {
                throw new RuleViolation("return_exceeds_delivery", l.sku() + " was not delivered with this order");
            }
            long total = asked.merge(l.sku(), l.quantity(), Long::sum);
            long left = delivered.get(l.sku()) - alreadyReturned.getOrDefault(l.sku(), 0L);
            if (total > left) {
                throw new RuleViolation("return_exceeds_delivery", "at most " + left + " of " + l.sku()
                        + " can still be returned");
            }
        }
    }

    /** The value of returned lines at the order's frozen prices: per sku net unit price and tax rate. */
    public static ReturnValue value(List<ReturnedLine> lines, Map<String, PricedLine> frozen, Currency currency) {
        List<BigDecimal> totals = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (ReturnedLine l : lines) {
            PricedLine p = frozen.get(l.sku());
            BigDecimal lineSubtotal = Money.round(p.netUnitPrice().multiply(BigDecimal.valueOf(l.quantity())), currency);
            BigDecimal lineTax = Money.round(lineSubtotal.multiply(p.taxRate()), currency);
            totals.add(lineSubtotal.add(lineTax));
            subtotal = subtotal.add(lineSubtotal);
            tax = tax.add(lineTax);
        }
        return new ReturnValue(totals, subtotal, tax, subtotal.add(tax));
    }
}
