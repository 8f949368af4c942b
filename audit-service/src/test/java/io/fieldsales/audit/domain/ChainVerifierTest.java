package io.fieldsales.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    static List<AuditRecord> chain(int n) {
        List<AuditRecord> out = new ArrayList<>();
        byte[] prev = ChainHash.genesis();
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 123_456_000, ZoneOffset.UTC);
        for (int i = 1; i <= n; i++) {
            AuditRecord r = new AuditRecord(TENANT, i, new UUID(0, i), "io.fieldsales.customer.updated.v1", "/test",
                    "customer.events", "customer", "c-" + (i % 3), "rep-" + i, i % 2 == 0 ? null : "req-" + i,
                    t.plusSeconds(i), t.plusSeconds(i + 1), null, List.of("order:o-" + i), "{\"n\": " + i + "}",
                    null, null).chainedTo(prev);
            out.add(r);
            prev = r.hash();
        }
        return out;
    }

    static ChainVerifier verify(List<AuditRecord> records) {
        ChainVerifier v = new ChainVerifier(1, ChainHash.genesis());
        for (AuditRecord r : records) {
            if (!v.accept(r)) {
                break;
            }
        }
        return v;
    }

    static AuditRecord withActor(AuditRecord r, String actor) {
        return new AuditRecord(r.tenantId(), r.sequence(), r.eventId(), r.type(), r.source(), r.topic(), r.entityType(),
                r.entityId(), actor, r.requestId(), r.occurredAt(), r.receivedAt(), r.piiSubject(), r.refs(), r.data(),
                r.prevHash(), r.hash());
    }

    @Test
    void anIntactChainVerifies() {
        ChainVerifier v = verify(chain(20));
        assertThat(v.valid()).isTrue();
        assertThat(v.checked()).isEqualTo(20);
        assertThat(v.lastSequence()).isEqualTo(20);
    }

    @Property(tries = 200)
    void changingAnyRecordIsDetectedAtItsOwnSequence(@ForAll @IntRange(min = 1, max = 30) int length,
            @ForAll @IntRange(min = 1, max = 30) int changed) {
        int target = Math.min(changed, length);
        List<AuditRecord> records = chain(length);
        records.set(target - 1, withActor(records.get(target - 1), "mallory"));
        assertThat(verify(records).firstBrokenSequence()).isEqualTo((long) target);
    }

    @Property(tries = 200)
    void removingAnyRecordIsDetectedAtTheMissingSequence(@ForAll @IntRange(min = 2, max = 30) int length,
            @ForAll @IntRange(min = 1, max = 29) int removed) {
        int target = Math.min(removed, length - 1);
        List<AuditRecord> records = chain(length);
        records.remove(target - 1);
        assertThat(verify(records).firstBrokenSequence()).isEqualTo((long) target);
    }

    @Test
    void rehashingAChangedRecordBreaksTheLinkOfTheNextAtTheChangedOne() {
        List<AuditRecord> records = chain(10);
        AuditRecord changed = withActor(records.get(3), "mallory").chainedTo(records.get(3).prevHash());
        records.set(3, changed);
        assertThat(verify(records).firstBrokenSequence()).isEqualTo(4L);
    }

    @Test
    void theCanonicalTextIsStableAndCoversEveryField() {
        AuditRecord r = chain(1).get(0);
        assertThat(CanonicalRecord.of(r)).isEqualTo("{\"v\":1,\"tenantId\":\"00000000-0000-0000-0000-00000000000a\","
                + "\"sequence\":1,\"eventId\":\"00000000-0000-0000-0000-000000000001\","
                + "\"type\":\"io.fieldsales.customer.updated.v1\",\"source\":\"/test\",\"topic\":\"customer.events\","
                + "\"entityType\":\"customer\",\"entityId\":\"c-1\",\"actorId\":\"rep-1\",\"requestId\":\"req-1\","
                + "\"occurredAt\":\"2026-01-01T00:00:01.123456Z\",\"receivedAt\":\"2026-01-01T00:00:02.123456Z\","
                + "\"piiSubject\":null,\"refs\":[\"order:o-1\"],\"data\":{\"n\": 1}}");
    }
}
