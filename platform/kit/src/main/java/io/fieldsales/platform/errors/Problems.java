package io.fieldsales.platform.errors;

import io.fieldsales.platform.context.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the one place that knows the document's shape. */
public final class Problems {

    private Problems() {
    }

    public static Response response(ProblemException e, String instance) {
        Problem body = new Problem(e.status(), e.code(), e.title(), e.getMessage(), instance, RequestIds.current(),
                e.fieldErrors(), e.properties());
        Response.ResponseBuilder r = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body);
        e.headers().forEach(r::header);
        return r.build();
    }

    public static Response response(ErrorCode code, String detail, String instance) {
        return response(new ProblemException(code, detail), instance);
    }

    public static Problem body(ErrorCode code, String detail, String instance, List<FieldError> errors,
            Map<String, Object> extensions) {
        return new Problem(code.status(), code.code(), code.title(), detail, instance, RequestIds.current(), errors,
                extensions);
    }
}
