package io.fieldsales.cash.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Ageing of what is owed: days past the due date, in the buckets finance reads (0-30, 31-60, 61-90, 90+). */
public final class Ageing {

    public static final String[] BUCKETS = {"0-30", "31-60", "61-90", "90+"};

    private Ageing() {
    }

    /** Days past due (0 when not yet due). */
    public static long daysOverdue(LocalDate dueDate, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
    }

    public static String bucket(long daysOverdue) {
        if (daysOverdue <= 30) {
            return BUCKETS[0];
        }
        if (daysOverdue <= 60) {
            return BUCKETS[1];
        }
        return daysOverdue <= 90 ? BUCKETS[2] : BUCKETS[3];
    }

    /** COD is due on delivery; CREDIT after the tenant's credit days. */
    public static LocalDate dueDate(String paymentTerms, LocalDate deliveredOn, int creditDays) {
        return "CREDIT".equals(paymentTerms) ? deliveredOn.plusDays(creditDays) : deliveredOn;
    }
}
