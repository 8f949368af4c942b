package io.fieldsales.cash.domain;

import static io.fieldsales.cash.domain.SessionStatus.CLOSED;
import static io.fieldsales.cash.domain.SessionStatus.COUNTING;
import static io.fieldsales.cash.domain.SessionStatus.DEPOSITED;
import static io.fieldsales.cash.domain.SessionStatus.OPEN;
import static io.fieldsales.cash.domain.SessionStatus.PENDING_APPROVAL;
import static io.fieldsales.cash.domain.SessionStatus.RECONCILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStatusTest {

    static final Map<SessionStatus, Set<SessionStatus>> LEGAL = Map.of(
            OPEN, EnumSet.of(PENDING_APPROVAL, CLOSED),
            COUNTING, EnumSet.of(PENDING_APPROVAL, CLOSED),
            PENDING_APPROVAL, EnumSet.of(PENDING_APPROVAL, CLOSED, COUNTING),
            CLOSED, EnumSet.of(DEPOSITED),
            DEPOSITED, EnumSet.of(RECONCILED),
            RECONCILED, EnumSet.noneOf(SessionStatus.class));

    @Test
    void everyTransitionIsExactlyTheLegalOnes() {
        for (SessionStatus from : SessionStatus.values()) {
            for (SessionStatus to : SessionStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void whatEachStatusAllows() {
        assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::acceptsMoney)).containsExactly(OPEN);
        assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::acceptsCount))
                .containsExactly(OPEN, COUNTING);
        assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::blindToOwner))
                .containsExactly(OPEN, COUNTING, PENDING_APPROVAL);
        assertThat(EnumSet.allOf(SessionStatus.class).stream().filter(SessionStatus::depositable))
                .containsExactly(CLOSED);
    }

    @Test
    void statusesParse() {
        assertThat(SessionStatus.parse("status", "COUNTING")).isEqualTo(COUNTING);
        assertThatThrownBy(() -> SessionStatus.parse("status", "open")).isInstanceOf(InvalidCashInput.class);
        assertThatThrownBy(() -> SessionStatus.parse("status", null)).isInstanceOf(InvalidCashInput.class);
    }

    @Test
    void depositsAwaitConfirmationUntilConfirmed() {
        assertThat(DepositStatus.DEPOSITED.awaitsConfirmation()).isTrue();
        assertThat(DepositStatus.DISPUTED.awaitsConfirmation()).isTrue();
        assertThat(DepositStatus.CONFIRMED.awaitsConfirmation()).isFalse();
    }

    @Test
    void idsAreVersion7AndTimeOrdered() {
        var a = Ids.next();
        assertThat(a.version()).isEqualTo(7);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(a.getMostSignificantBits() >>> 16).isBetween(System.currentTimeMillis() - 5000,
                System.currentTimeMillis());
    }
}
