package io.fieldsales.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeySetTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private static SigningKey key(String kid, Instant activates, Instant retired) {
        return new SigningKey(kid, null, null, "{}", activates.minusSeconds(600), activates, retired);
    }

    @Test
    void theNewestActiveKeySignsAndAPendingKeyIsPublishedBeforeItSigns() {
        KeySet keys = new KeySet(List.of(key("old", T0, null), key("new", T0.plus(Duration.ofHours(1)), null)),
                LIFETIME, SKEW);
        Instant beforeActivation = T0.plus(Duration.ofMinutes(50));
        assertThat(keys.signingKey(beforeActivation)).get().extracting(SigningKey::kid).isEqualTo("old");
        assertThat(keys.published(beforeActivation)).extracting(SigningKey::kid).containsExactly("old", "new");
        assertThat(keys.signingKey(T0.plus(Duration.ofHours(1)))).get().extracting(SigningKey::kid)
                .isEqualTo("new");
    }

    @Test
    void aSupersededKeyVerifiesForOneTokenLifetimePlusSkewThenDisappears() {
        Instant rotation = T0.plus(Duration.ofHours(1));
        KeySet keys = new KeySet(List.of(key("old", T0, null), key("new", rotation, null)), LIFETIME, SKEW);
        assertThat(keys.verificationKey("old", rotation.plus(LIFETIME))).isPresent();
        assertThat(keys.verificationKey("old", rotation.plus(LIFETIME).plus(SKEW).plusSeconds(1))).isEmpty();
        assertThat(keys.verificationKey("new", rotation.plus(Duration.ofDays(30)))).isPresent();
    }

    @Test
    void aRetiredKeyNeitherSignsNorVerifies() {
        KeySet keys = new KeySet(List.of(key("a", T0, null), key("b", T0.plusSeconds(60), T0.plusSeconds(120))),
                LIFETIME, SKEW);
        Instant later = T0.plusSeconds(180);
        assertThat(keys.verificationKey("b", later)).isEmpty();
        assertThat(keys.signingKey(later)).get().extracting(SigningKey::kid).isEqualTo("a");
        assertThat(keys.verificationKey("a", later)).isPresent();
        assertThat(keys.verificationKey("nope", later)).isEmpty();
    }
}
