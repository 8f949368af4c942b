package io.fieldsales.customer.domain;

import io.fieldsales.platform.errors.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for a customer's fields, shared by create, PATCH (applied to the patched result) and import rows:
 * name 1..200 characters, email RFC-valid and at most 254, phone valid for its region, at least one of the two,
 * no control characters anywhere. Collects every broken rule instead of stopping at the first.
 */
public final class CustomerValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_EXTERNAL_REF = 100;
    public static final int MAX_ADDRESS_LINES = 4;
    public static final int MAX_ADDRESS_LINE = 200;
    public static final int MAX_CITY = 100;
    public static final int MAX_POSTAL_CODE = 20;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ContactCanonicalizer canonicalizer;

    public CustomerValidator(ContactCanonicalizer canonicalizer) {
        this.canonicalizer = canonicalizer;
    }

    /** Validates and normalizes; {@link CustomerValidationException} lists every broken rule. */
    public ValidCustomer validate(CustomerDetails details, String phoneRegion) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(details.name(), "name", MAX_NAME, errors);
        if (name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        CanonicalEmail canonicalEmail = null;
        String email = text(details.email(), "email", Integer.MAX_VALUE, errors);
        if (email != null) {
            try {
                canonicalEmail = canonicalizer.email(email);
            } catch (InvalidContactException e) {
                errors.add(new FieldError("email", e.getMessage()));
            }
        }
        CanonicalPhone canonicalPhone = null;
        String phone = text(details.phone(), "phone", Integer.MAX_VALUE, errors);
        if (phone != null) {
            try {
                canonicalPhone = canonicalizer.phone(phone, phoneRegion);
            } catch (InvalidContactException e) {
                errors.add(new FieldError("phone", e.getMessage()));
            }
        }
        if (email == null && phone == null && errors.stream().noneMatch(
                e -> e.field().equals("email") || e.field().equals("phone"))) {
            errors.add(new FieldError("email", "at least one of email and phone is required"));
            errors.add(new FieldError("phone", "at least one of email and phone is required"));
        }
        String externalRef = text(details.externalRef(), "externalRef", MAX_EXTERNAL_REF, errors);
        Address address = address(details.address(), errors);
        List<String> tags = tags(details.tags(), errors);
        if (!errors.isEmpty()) {
            throw new CustomerValidationException(errors);
        }
        return new ValidCustomer(name, email, canonicalEmail, phone, canonicalPhone, externalRef, address, tags);
    }

    private static Address address(Address address, List<FieldError> errors) {
        List<String> lines = new ArrayList<>();
        if (address.lines().size() > MAX_ADDRESS_LINES) {
            errors.add(new FieldError("address.lines", "must have at most " + MAX_ADDRESS_LINES + " lines"));
        } else {
            for (int i = 0; i < address.lines().size(); i++) {
                String line = text(address.lines().get(i), "address.lines[" + i + "]", MAX_ADDRESS_LINE, errors);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        String city = text(address.city(), "address.city", MAX_CITY, errors);
        String postalCode = text(address.postalCode(), "address.postalCode", MAX_POSTAL_CODE, errors);
        String country = text(address.country(), "address.country", 2, errors);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(new FieldError("address.country", "must be an ISO 3166-1 alpha-2 country code"));
            }
        }
        return new Address(lines, city, postalCode, country);
    }

    private static List<String> tags(List<String> raw, List<FieldError> errors) {
        if (raw.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "must have at most " + MAX_TAGS + " tags"));
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = text(raw.get(i), "tags[" + i + "]", MAX_TAG, errors);
            if (tag == null) {
                if (raw.get(i) == null || raw.get(i).isBlank()) {
                    errors.add(new FieldError("tags[" + i + "]", "must not be blank"));
                }
            } else {
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(tags);
    }

    /** Trimmed text, null when absent or blank; records an error for control characters or excess length. */
    private static String text(String raw, String field, int max, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (TextRules.hasControlCharacters(raw)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (TextRules.length(value) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }
}
