package io.fieldsales.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldsales.platform.errors.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {

    @Test
    void aPositionSurvivesTheRoundTripAndTheCursorIsUrlSafe() {
        UUID id = UUID.randomUUID();
        String cursor = KeysetCursor.encode("c1700000000.123|" + id);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat((String) KeysetCursor.decode(cursor, (String raw) -> raw)).isEqualTo("c1700000000.123|" + id);
        assertThat(KeysetCursor.decode(KeysetCursor.encode(id.toString()), UUID::fromString)).isEqualTo(id);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(KeysetCursor.decode(null, UUID::fromString)).isNull();
        assertThat(KeysetCursor.decode("  ", UUID::fromString)).isNull();
    }

    @Test
    void aCursorThisServiceDidNotIssueIsAnInvalidParameter() {
        for (String garbage : new String[] {"garbage!", "not-a-cursor", KeysetCursor.encode("s-1x")}) {
            assertThatThrownBy(() -> KeysetCursor.decode(garbage, UUID::fromString))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.code()).isEqualTo("invalid_parameter");
                        assertThat(p.properties()).containsEntry("parameter", "cursor");
                    });
        }
    }
}
