package io.fieldsales.platform.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson's messages for a value it cannot convert quote the value ({@code Cannot deserialize value of type UUID
 * from String "jo@example.com"}), and that exception travels where request data must not: the server span's
 * {@code exception} event (OpenTelemetry records it before our mapper answers 400), logs at DEBUG. Every mapper of
 * every service gets this handler, which fails the same conversions with the same exception type and path but
 * without the value; {@link JsonProblems} still names the field.
 */
@Singleton
public class ValueFreeJsonErrors implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new Handler());
    }

    static final class Handler extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                String failureMsg) throws java.io.IOException {
            throw invalid(ctxt.getParser(), targetType);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                String failureMsg) throws java.io.IOException {
            throw invalid(ctxt.getParser(), targetType);
        }

        @Override
        public Object handleWeirdKey(DeserializationContext ctxt, Class<?> rawKeyType, String keyValue,
                String failureMsg) throws java.io.IOException {
            throw invalid(ctxt.getParser(), rawKeyType);
        }

        @Override
        public Object handleWeirdNativeValue(DeserializationContext ctxt, JavaType targetType, Object valueToConvert,
                JsonParser p) throws java.io.IOException {
            throw invalid(p, targetType.getRawClass());
        }

        private static InvalidFormatException invalid(JsonParser parser, Class<?> targetType) {
            return InvalidFormatException.from(parser, "Cannot deserialize a value of type " + targetType.getSimpleName()
                    + " (the value is not repeated here)", null, targetType);
        }
    }

}
