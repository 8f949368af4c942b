package io.fieldsales.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a document line by line and explains every step.
 *
 * <p>For each line, the rules that are valid at the pricing instant, match the customer, product, quantity and the
 * document's list-price total, and can apply to the product's currency, are applied in
 * {@link PricingRule#APPLICATION_ORDER} (priority, then specificity, then rule id), so the result never depends on
 * the order the rules were created or listed in, and no conflict needs a person to choose. Each rule works on the
 * unit price the previous one left; an exclusive rule or a fixed price ends the chain. Prices never go below zero.
 * The rep's manual discount (percent) applies last, on the rules' price. Intermediate prices stay exact (percentages
 * divide by 100 exactly); the line subtotal is rounded half-even to the currency's minor unit, the tax per line is
 * rounded from it, and document totals are the exact sums of the rounded line amounts.
 */
public final class PricingEngine {

    static final BigDecimal HUNDRED = new BigDecimal(100);

    /** Prices {@code lines} for {@code customer} at instant {@code at}; the lines share one currency. */
    public PricedDocument price(RuleConditions.Customer customer, List<QuoteLine> lines, List<PricingRule> rules,
            Instant at) {
        if (lines == null || lines.isEmpty()) {
            throw new RuleViolation("validation_failed", "at least one line is required");
        }
        String currency = lines.get(0).product().currency();
        BigDecimal listTotal = BigDecimal.ZERO;
        for (QuoteLine line : lines) {
            validate(line, currency);
            listTotal = listTotal.add(line.product().unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        List<PricingRule> ordered = new ArrayList<>();
        for (PricingRule r : rules) {
            if (r.validAt(at)) {
                ordered.add(r);
            }
        }
        ordered.sort(PricingRule.APPLICATION_ORDER);
        var money = Money.currency(currency);
        List<PricedLine> priced = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (QuoteLine line : lines) {
            PricedLine p = priceLine(customer, line, ordered, listTotal, money);
            priced.add(p);
            subtotal = subtotal.add(p.subtotal());
            tax = tax.add(p.tax());
        }
        return new PricedDocument(currency, priced, subtotal, tax, subtotal.add(tax));
    }

    private static PricedLine priceLine(RuleConditions.Customer customer, QuoteLine line, List<PricingRule> ordered,
            BigDecimal listTotal, java.util.Currency currency) {
        ProductPrice product = line.product();
        BigDecimal quantity = BigDecimal.valueOf(line.quantity());
        BigDecimal price = product.unitPrice();
        List<AppliedRule> applied = new ArrayList<>();
        for (PricingRule rule : ordered) {
            if (!rule.appliesToCurrency(product.currency())
                    || !rule.conditions().matches(customer, product, line.quantity(), listTotal)) {
                continue;
            }
            BigDecimal after = apply(rule, price);
            applied.add(new AppliedRule(rule.id(), rule.name(), rule.action(), rule.value(), rule.exclusive(), price,
                    after, price.subtract(after).multiply(quantity)));
            price = after;
            if (rule.exclusive() || rule.action() == RuleAction.FIXED_PRICE) {
                break;
            }
        }
        BigDecimal net = price.subtract(price.multiply(line.discountPercent()).movePointLeft(2));
        BigDecimal manualDiscount = price.subtract(net).multiply(quantity);
        BigDecimal subtotal = Money.round(net.multiply(quantity), currency);
        BigDecimal tax = Money.round(subtotal.multiply(product.taxRate()), currency);
        return new PricedLine(product.sku(), product.name(), line.quantity(), product.unitPrice(), applied,
                line.discountPercent(), manualDiscount, net, product.taxRate(), subtotal, tax, subtotal.add(tax));
    }

    /** The unit price after one rule; never negative. */
    static BigDecimal apply(PricingRule rule, BigDecimal price) {
        return switch (rule.action()) {
            case PERCENT_OFF -> Money.atLeastZero(price.subtract(price.multiply(rule.value().min(HUNDRED))
                    .movePointLeft(2)));
            case AMOUNT_OFF -> Money.atLeastZero(price.subtract(rule.value()));
            case FIXED_PRICE -> Money.atLeastZero(rule.value());
        };
    }

    private static void validate(QuoteLine line, String currency) {
        if (line.quantity() <= 0) {
            throw new RuleViolation("invalid_quantity", "quantity of " + line.product().sku() + " must be positive");
        }
        BigDecimal d = line.discountPercent();
        if (d.signum() < 0 || d.compareTo(HUNDRED) > 0 || d.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation("invalid_discount",
                    "discountPercent of " + line.product().sku() + " must be 0 to 100 with at most 2 decimals");
        }
        if (!line.product().currency().equals(currency)) {
            throw new RuleViolation("currency_mismatch", "every line of a document must be priced in one currency; "
                    + line.product().sku() + " is in " + line.product().currency() + ", not " + currency);
        }
    }
}
