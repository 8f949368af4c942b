package io.fieldsales.customer.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Derives the canonical form of contacts, the values {@code unique_contacts} reserves:
 * <ul>
 *   <li>email: trimmed and lower-cased; must be a dot-atom address (RFC 5322 without quoted local parts or
 *       address literals) of at most 254 characters with a dotted domain;</li>
 *   <li>phone: E.164 through Google's libphonenumber, reading numbers without a country code in the tenant's
 *       region; a number libphonenumber does not consider valid for its region is rejected.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class ContactCanonicalizer {

    public static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_PHONE_INPUT = 40;
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The canonical email, or {@link InvalidContactException} saying what is wrong. */
    public CanonicalEmail email(String raw) {
        if (raw == null) {
            throw new InvalidContactException("must not be null");
        }
        String email = raw.strip();
        if (email.isEmpty()) {
            throw new InvalidContactException("must not be blank");
        }
        if (email.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidContactException("must be at most " + MAX_EMAIL_LENGTH + " characters");
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.indexOf('@') != at) {
            throw new InvalidContactException("must be an email address like name@example.com");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches()
                || !DOMAIN.matcher(domain).matches()) {
            throw new InvalidContactException("must be an email address like name@example.com");
        }
        String canonical = email.toLowerCase(Locale.ROOT);
        return new CanonicalEmail(canonical, canonical.substring(0, at));
    }

    /**
     * The canonical phone number, reading a number without country code in {@code defaultRegion}
     * (ISO 3166-1 alpha-2, e.g. {@code ZA}), or {@link InvalidContactException}.
     */
    public CanonicalPhone phone(String raw, String defaultRegion) {
        if (raw == null) {
            throw new InvalidContactException("must not be null");
        }
        String phone = raw.strip();
        if (phone.isEmpty()) {
            throw new InvalidContactException("must not be blank");
        }
        if (phone.length() > MAX_PHONE_INPUT) {
            throw new InvalidContactException("must be at most " + MAX_PHONE_INPUT + " characters");
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(phone, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidContactException("is not a phone number (" + reason(e) + ")");
        }
        if (!PHONES.isValidNumber(number)) {
            throw new InvalidContactException("is not a valid phone number for region "
                    + PHONES.getRegionCodeForCountryCode(number.getCountryCode()));
        }
        return new CanonicalPhone(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                PHONES.getNationalSignificantNumber(number));
    }

    /** Whether libphonenumber knows the region code (for configuration checks). */
    public static boolean isSupportedRegion(String region) {
        return region != null && PHONES.getSupportedRegions().contains(region);
    }

    private static String reason(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }
}
