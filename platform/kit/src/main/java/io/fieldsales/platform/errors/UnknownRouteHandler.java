package io.fieldsales.platform.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Answers requests that no route matched with a 404 problem instead of the server's default page. */
@ApplicationScoped
public class UnknownRouteHandler {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().last().handler(rc -> {
            if (rc.response().ended() || rc.response().headWritten()) {
                return;
            }
            Problem body = Problems.body(ErrorCode.NOT_FOUND, "No such resource", rc.normalizedPath(), List.of(),
                    Map.of());
            try {
                rc.response().setStatusCode(404)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(json.writeValueAsString(body));
            } catch (Exception e) {
                rc.fail(e);
            }
        });
    }
}
