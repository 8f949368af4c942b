package io.fieldsales.customer.domain;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Turns search text that looks like the start of a phone number into a prefix of canonical (E.164) numbers:
 * {@code +27 82} -> {@code +2782}, and in region ZA {@code 082 12} -> {@code +278212}.
 */
public final class PhoneSearch {

    private static final int MIN_DIGITS = 3;

    private PhoneSearch() {
    }

    /** The E.164 prefix the text stands for, or null if it does not look like a phone number. */
    public static String canonicalPrefix(String text, String region) {
        String t = text.strip();
        if (!t.matches("\\+?[0-9 ()./-]+")) {
            return null;
        }
        String digits = t.replaceAll("[^0-9]", "");
        if (digits.length() < MIN_DIGITS) {
            return null;
        }
        if (t.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        int countryCode = PhoneNumberUtil.getInstance().getCountryCodeForRegion(region);
        if (digits.startsWith("0") && countryCode > 0) {
            return "+" + countryCode + digits.substring(1);
        }
        return "+" + (countryCode > 0 ? countryCode : "") + digits;
    }
}
