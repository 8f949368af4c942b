package io.fieldsales.order.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;

/** Request body checks shared by the resources. */
final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.validation("request", "a JSON body is required");
        }
        return body;
    }

    static JsonNode mergePatch(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(ErrorCode.MALFORMED_JSON, "A JSON merge patch body is required");
        }
        try {
            JsonNode node = json.readTree(body);
            if (!node.isObject()) {
                throw new ProblemException(ErrorCode.MALFORMED_JSON, "A JSON merge patch must be an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProblemException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON");
        }
    }
}
