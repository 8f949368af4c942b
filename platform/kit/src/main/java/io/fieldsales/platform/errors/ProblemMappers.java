package io.fieldsales.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fieldsales.platform.db.DatabaseErrors;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into problem+json: never a stack trace, never internals.
 * Unknown routes that no resource matches are answered by {@link UnknownRouteHandler}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e, path(uri));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(v -> isReturnValue(v.getPropertyPath()))) {
            return internal(e, uri);
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return Problems.response(ProblemException.validation(errors), path(uri));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return Problems.response(JsonProblems.malformed(e), path(uri));
    }

    /** More specific than JsonProcessingException, so it wins over Quarkus's built-in mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(ErrorCode.FORBIDDEN, "You do not have a role that allows this", path(uri));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return versionConflict(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return versionConflict(uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        ErrorCode code = ErrorCode.forStatus(status);
        String detail = switch (code) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "This Content-Type is not supported here";
            case NOT_ACCEPTABLE -> "No representation matches the Accept header";
            case UNAUTHORIZED -> "A valid bearer token is required";
            default -> "The request is not valid";
        };
        Response r = Problems.response(new ProblemException(status, code.code(), code.title(), detail, List.of()),
                path(uri));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(r).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause.getClass() == RuntimeException.class)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ProblemException p) {
            return problem(p, uri);
        }
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            return versionConflict(uri);
        }
        if (cause instanceof ConstraintViolationException v) {
            return validation(v, uri);
        }
        if (DatabaseErrors.isTransient(e)) {
            // a deadlock, serialization failure or lost connection that outlasted DatabaseRetryPolicy's retries
            LOG.warnf("Transient database failure after retries on %s: %s", path(uri), e.getMessage());
            return Problems.response(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The database is busy; retry shortly").withHeader("Retry-After", "1"), path(uri));
        }
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unhandled error on %s", path(uri));
        return Problems.response(ErrorCode.INTERNAL_ERROR,
                "Something went wrong on our side; quote the requestId when reporting it", path(uri));
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(Problems.response(ErrorCode.UNAUTHORIZED,
                "A valid bearer token is required", path(uri))).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response versionConflict(UriInfo uri) {
        return Problems.response(ErrorCode.VERSION_CONFLICT,
                "The resource was changed by someone else; fetch it again and retry", path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node n : path) {
            if (n.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** "create.request.address.city" -> "address.city"; "list.limit" -> "limit". */
    static String fieldName(Path path) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node n : path) {
            switch (n.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                }
                case PARAMETER -> parameter = n.getName();
                default -> {
                    if (n.getName() == null) {
                        continue;
                    }
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(n.getName());
                    if (n.getIndex() != null) {
                        property.append('[').append(n.getIndex()).append(']');
                    }
                }
            }
        }
        return !property.isEmpty() ? property.toString() : parameter == null ? "request" : parameter;
    }
}
