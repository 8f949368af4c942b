package io.fieldsales.platform.errors;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Answers requests that no route matched with a 404 problem instead of the server's default page. */
@ApplicationScoped
public class UnknownRouteHandler {

    @Inject
    ProblemWriter problems;

    void install(@Observes Router router) {
        router.route().last().handler(rc -> {
            if (rc.response().ended() || rc.response().headWritten()) {
                return;
            }
            problems.send(rc.response(), ProblemException.notFound("No such resource"), rc.normalizedPath());
        });
    }
}
