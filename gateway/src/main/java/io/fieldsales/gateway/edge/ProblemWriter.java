package io.fieldsales.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.errors.Problem;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.errors.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** problem+json for answers given at the Vert.x level (proxy, edge filters), in the platform's exact shape. */
@ApplicationScoped
public class ProblemWriter {

    @Inject
    ObjectMapper json;

    public String body(ProblemException problem, String instance) {
        Object entity = Problems.response(problem, instance).getEntity();
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}";
        }
    }

    public void send(HttpServerResponse response, ProblemException problem, String instance) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        response.end(body(problem, instance));
    }
}
