package io.fieldsales.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionSqlTest {

    enum Colour { RED }

    @Test
    void jpaPositionalParametersBecomePostgresOnes() {
        assertThat(SessionSql.postgres("select a from t where x = ?1 and y = cast(?12 as text) and z = ?2"))
                .isEqualTo("select a from t where x = $1 and y = cast($12 as text) and z = $2");
        assertThat(SessionSql.postgres("select 1")).isEqualTo("select 1");
    }

    @Test
    void instantsTravelAsUtcOffsetTimesAndEnumsAsTheirNames() {
        Instant at = Instant.parse("2026-12-01T06:00:00Z");
        UUID id = UUID.randomUUID();
        assertThat(SessionSql.values(at, Colour.RED, id, null, "x"))
                .containsExactly(OffsetDateTime.of(2026, 12, 1, 6, 0, 0, 0, ZoneOffset.UTC), "RED", id, null, "x");
    }

    @Test
    void aCollectionIsRefusedForAnArray() {
        assertThatThrownBy(() -> SessionSql.values("a", List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 2");
    }
}
