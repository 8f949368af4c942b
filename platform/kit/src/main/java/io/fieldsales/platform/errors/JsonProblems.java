package io.fieldsales.platform.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.List;

/**
 * A body Jackson could not read, described in our own stable words: where (the field, or line and column) and what
 * kind of fault, never Jackson's message, which names Java types and may echo the client's data back.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ProblemException malformed(JsonProcessingException e) {
        ErrorCode code = ErrorCode.MALFORMED_JSON;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m.getPath());
            String fault = e instanceof PropertyBindingException ? "is not a field of this resource"
                    : "has the wrong type or form";
            return new ProblemException(code.status(), code.code(), code.title(),
                    "The request body does not fit this resource: " + field + " " + fault,
                    List.of(new FieldError(field, fault)));
        }
        if (e instanceof JsonMappingException) {
            return new ProblemException(code, "The request body does not fit this resource (wrong JSON type at the "
                    + "top level?)");
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            return new ProblemException(code, "The request body is not valid JSON (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")");
        }
        return new ProblemException(code, "The request body is not valid JSON");
    }

    /** Jackson's path as a field path: {@code lines[0].quantity}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getFieldName().length() > 64 ? r.getFieldName().substring(0, 64) + "..."
                        : r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "request" : path.toString();
    }
}
