package io.fieldsales.cash.domain;

/** A bank deposit: DEPOSITED (slip in hand) -> CONFIRMED by the bank, or DISPUTED until a later confirmation. */
public enum DepositStatus {
    DEPOSITED, CONFIRMED, DISPUTED;

    public boolean awaitsConfirmation() {
        return this != CONFIRMED;
    }
}
