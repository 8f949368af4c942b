package io.fieldsales.cash;

import io.fieldsales.platform.testing.TestDatabase;

/** Reads the database's final state directly (superuser JDBC), as concurrency tests assert on it. */
public final class Db extends TestDatabase {

    private Db() {
    }
}
