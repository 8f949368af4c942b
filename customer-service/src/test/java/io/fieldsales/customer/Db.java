package io.fieldsales.customer;

import io.fieldsales.platform.testing.TestDatabase;
import java.util.UUID;

/** Reads the database's final state directly (superuser JDBC), as concurrency tests assert on it. */
public final class Db extends TestDatabase {

    private Db() {
    }

    public static UUID uuid(String s) {
        return UUID.fromString(s);
    }
}
