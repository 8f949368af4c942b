package io.fieldsales.platform.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "4f1c2a0e-9d1e-4b55-9a43-3f2d8c1b7e21", "A.b_c:d-e",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void wellFormedClientIdsAreKept(String id) {
        assertThat(RequestIds.acceptOrGenerate(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "<script>", "new\nline", "ünïcode",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void malformedOrTooLongIdsAreReplacedByAFreshUuid(String id) {
        String result = RequestIds.acceptOrGenerate(id);
        assertThat(result).isNotEqualTo(id).matches("[0-9a-f-]{36}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331", "00-XYZ-1-01"})
    void malformedTraceparentIsDropped(String header) {
        assertThat(RequestIds.validTraceparent(header)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"})
    void w3cTraceparentIsKept(String header) {
        assertThat(RequestIds.validTraceparent(header)).isEqualTo(header);
    }
}
