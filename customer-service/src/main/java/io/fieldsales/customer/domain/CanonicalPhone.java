package io.fieldsales.customer.domain;

/**
 * A phone number in E.164 form, e.g. {@code +27821234567}, as normalized by libphonenumber.
 *
 * @param e164           the canonical number
 * @param nationalNumber the national significant number ({@code 821234567}): the same one under another country
 *                       code hints at a duplicate
 */
public record CanonicalPhone(String e164, String nationalNumber) {
}
