package io.fieldsales.audit;

import io.fieldsales.platform.testing.TestDatabase;
import java.util.List;
import java.util.UUID;

/** Reads through the superuser connection, for assertions on the database's final state. */
public final class Db extends TestDatabase {

    private Db() {
    }

    /** The sequence numbers of a tenant's trail, in order. */
    public static List<Long> sequences(UUID tenant) {
        return longs("select sequence from audit_event where tenant_id = ? order by sequence", tenant);
    }
}
