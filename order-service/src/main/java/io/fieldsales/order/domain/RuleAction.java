package io.fieldsales.order.domain;

/** What a pricing rule does to a unit price. */
public enum RuleAction {
    /** {@code value} percent (0..100) off the current unit price. */
    PERCENT_OFF,
    /** {@code value} (in the rule's currency) off the current unit price, never below zero. */
    AMOUNT_OFF,
    /** The unit price becomes {@code value}; no rule after it changes the price (it is never undercut by stacking). */
    FIXED_PRICE
}
