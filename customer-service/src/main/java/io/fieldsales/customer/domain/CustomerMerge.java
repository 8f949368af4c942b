package io.fieldsales.customer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The rule for folding customers into a survivor. Nothing is dropped: a field the survivor lacks is taken from the
 * first source that has it; a field both have with different values stays the survivor's and is reported as a
 * {@link MergeConflict}; tags are united. Sources become MERGED with {@code mergedInto} but keep all their data.
 */
public final class CustomerMerge {

    private CustomerMerge() {
    }

    /** Applies the merge to the entities (survivor first, then sources in the given order). */
    public static MergeOutcome fold(Customer survivor, List<Customer> sources, String actor, Instant at) {
        Map<String, UUID> filled = new LinkedHashMap<>();
        List<MergeConflict> conflicts = new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>(survivor.tagList());
        List<String> added = new ArrayList<>();
        for (Customer source : sources) {
            if (!Objects.equals(survivor.name, source.name)) {
                conflicts.add(new MergeConflict(source.id, "name", survivor.name, source.name));
            }
            if (source.email != null) {
                if (survivor.email == null) {
                    survivor.email = source.email;
                    survivor.emailCanonical = source.emailCanonical;
                    survivor.emailLocal = source.emailLocal;
                    filled.put("email", source.id);
                } else if (!Objects.equals(survivor.emailCanonical, source.emailCanonical)) {
                    conflicts.add(new MergeConflict(source.id, "email", survivor.email, source.email));
                }
            }
            if (source.phone != null) {
                if (survivor.phone == null) {
                    survivor.phone = source.phone;
                    survivor.phoneCanonical = source.phoneCanonical;
                    survivor.phoneNational = source.phoneNational;
                    filled.put("phone", source.id);
                } else if (!Objects.equals(survivor.phoneCanonical, source.phoneCanonical)) {
                    conflicts.add(new MergeConflict(source.id, "phone", survivor.phone, source.phone));
                }
            }
            if (source.externalRef != null) {
                if (survivor.externalRef == null) {
                    survivor.externalRef = source.externalRef;
                    filled.put("externalRef", source.id);
                } else if (!survivor.externalRef.equals(source.externalRef)) {
                    conflicts.add(new MergeConflict(source.id, "externalRef", survivor.externalRef, source.externalRef));
                }
            }
            Address sourceAddress = source.address();
            if (!sourceAddress.isEmpty()) {
                Address survivorAddress = survivor.address();
                if (survivorAddress.isEmpty()) {
                    survivor.addressLines = source.addressLines.clone();
                    survivor.addressCity = source.addressCity;
                    survivor.addressPostalCode = source.addressPostalCode;
                    survivor.addressCountry = source.addressCountry;
                    filled.put("address", source.id);
                } else if (!survivorAddress.equals(sourceAddress)) {
                    conflicts.add(new MergeConflict(source.id, "address", survivorAddress, sourceAddress));
                }
            }
            for (String tag : source.tags) {
                if (tags.add(tag)) {
                    added.add(tag);
                }
            }
            source.status = CustomerStatus.MERGED;
            source.mergedInto = survivor.id;
            source.touch(actor, at);
        }
        survivor.tags = tags.toArray(String[]::new);
        survivor.touch(actor, at);
        return new MergeOutcome(filled, added, conflicts);
    }
}
