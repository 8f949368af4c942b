package io.fieldsales.order.domain;

/** Cash on delivery, or on account. */
public enum PaymentTerms {
    COD, CREDIT
}
