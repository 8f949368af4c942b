package io.fieldsales.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueFreeJsonErrorsTest {

    record Order(UUID customerId, BigDecimal amount, Status status) {
    }

    enum Status { OPEN, CLOSED }

    private final ObjectMapper mapper = new ObjectMapper();

    ValueFreeJsonErrorsTest() {
        new ValueFreeJsonErrors().customize(mapper);
    }

    @Test
    void aValueThatCannotBeConvertedIsNotQuotedInTheErrorButItsFieldIsNamed() {
        for (String json : new String[] {"{\"customerId\":\"jo@example.com\"}", "{\"amount\":\"jo@example.com\"}",
                "{\"status\":\"jo@example.com\"}"}) {
            InvalidFormatException e = catchThrowableOfType(InvalidFormatException.class,
                    () -> mapper.readValue(json, Order.class));
            assertThat(e).as(json).isNotNull();
            assertThat(e.getMessage()).doesNotContain("jo@example.com");
            assertThat(e.getValue()).isNull();
            assertThat(e.getPath()).isNotEmpty();
            assertThat(e.getPath().get(e.getPath().size() - 1).getFieldName()).isIn("customerId", "amount", "status");
        }
    }

    @Test
    void goodValuesStillConvert() throws Exception {
        UUID id = UUID.randomUUID();
        Order o = mapper.readValue("{\"customerId\":\"" + id + "\",\"amount\":\"12.50\",\"status\":\"OPEN\"}",
                Order.class);
        assertThat(o).isEqualTo(new Order(id, new BigDecimal("12.50"), Status.OPEN));
    }
}
