package io.fieldsales.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyLimitTableTest {

    private final BodyLimitTable table = BodyLimitTable.of(1024 * 1024,
            List.of("/api/v1/customers/import=8M", "/api/v1/auth=64K", "/api/v1/customers/import/x/=2K"));

    @Test
    void longestMatchingPrefixWinsAndEverythingElseGetsTheDefault() {
        assertThat(table.maxBytes("/api/v1/customers/import")).isEqualTo(8L * 1024 * 1024);
        assertThat(table.maxBytes("/api/v1/customers/import/jobs")).isEqualTo(8L * 1024 * 1024);
        assertThat(table.maxBytes("/api/v1/customers/import/x/y")).isEqualTo(2048);
        assertThat(table.maxBytes("/api/v1/auth/login")).isEqualTo(64 * 1024);
        assertThat(table.maxBytes("/api/v1/customers")).isEqualTo(1024 * 1024);
        assertThat(table.maxBytes("/api/v1/customers/importer")).isEqualTo(1024 * 1024);
        assertThat(table.maxBytes("/api/v1/authx")).isEqualTo(1024 * 1024);
        assertThat(table.maxBytes(null)).isEqualTo(1024 * 1024);
    }

    @Test
    void sizesAndMalformedRoutes() {
        assertThat(BodyLimitTable.parseSize("512")).isEqualTo(512);
        assertThat(BodyLimitTable.parseSize("64k")).isEqualTo(65536);
        assertThat(BodyLimitTable.parseSize("1G")).isEqualTo(1L << 30);
        assertThatThrownBy(() -> BodyLimitTable.of(1, List.of("api=1K"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BodyLimitTable.of(1, List.of("/api"))).isInstanceOf(IllegalArgumentException.class);
    }
}
