package io.fieldsales.audit.service;

/** The outcome of an append: the sequence it got, or that the event was stored before (a redelivery). */
public record AppendResult(boolean stored, long sequence) {

    static AppendResult duplicate() {
        return new AppendResult(false, -1);
    }
}
