package club.questmaster.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of every endpoint becomes an {@code application/problem+json} answer with a contract code. Anything
 * a client sent gets a 4xx; only our own bugs reach the 500 mapper, which logs them with a reference.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder builder = problem(e.toProblem());
        if (e.retryAfter() != null) {
            builder.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(Problem.of(ErrorCode.VALIDATION_ERROR, "The request is invalid.", errors)).build();
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return problem(Problem.of(ErrorCode.VALIDATION_ERROR, "The request is invalid.", List.of())).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return problem(Problem.of(ErrorCode.VALIDATION_ERROR, "Unknown field '" + field + "'.",
                List.of(new Problem.FieldError(field, "unknown field")))).build();
    }

    @ServerExceptionMapper(priority = 2)
    public Response mismatched(MismatchedInputException e) {
        String field = path(e);
        if (e instanceof InvalidNullException && !field.isEmpty()) {
            return problem(Problem.of(ErrorCode.VALIDATION_ERROR, "Field '" + field + "' must not be null.",
                    List.of(new Problem.FieldError(field, "must not be null")))).build();
        }
        return problem(Problem.of(ErrorCode.VALIDATION_ERROR,
                field.isEmpty() ? "The request body has the wrong shape." : "Field '" + field + "' has the wrong type.",
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "wrong type")))).build();
    }

    @ServerExceptionMapper(priority = 3)
    public Response json(JsonProcessingException e) {
        boolean located = e instanceof JsonMappingException m && !m.getPath().isEmpty();
        if (e.getCause() instanceof ApiException api && (!located || !api.errors().isEmpty())) {
            return api(api); // a refusal that names its field itself (JacksonSetup)
        }
        if (rootCause(e) instanceof StreamConstraintsException limit) {
            String field = located ? path((JsonMappingException) e) : "";
            return problem(Problem.of(ErrorCode.VALIDATION_ERROR, "The request body is too deeply nested or too large: "
                    + limit.getOriginalMessage(), field.isEmpty() ? List.of()
                            : List.of(new Problem.FieldError(field, "nested too deeply or too large")))).build();
        }
        if (located) {
            JsonMappingException mapping = (JsonMappingException) e;
            String field = path(mapping);
            String reason = mapping.getCause() instanceof ApiException api ? api.getMessage() : "invalid value";
            return problem(Problem.of(ErrorCode.VALIDATION_ERROR, "Field '" + field + "' is invalid: " + reason,
                    List.of(new Problem.FieldError(field, reason)))).build();
        }
        return problem(Problem.of(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.", List.of())).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationRedirect(AuthenticationRedirectException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(Problem.of(ErrorCode.FORBIDDEN, "You may not do this.", List.of())).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // JAX-RS turns a failed @QueryParam/@PathParam conversion into a 404; our converters fail with the real 400.
        if (e.getCause() instanceof ApiException api) {
            return api(api);
        }
        // The JSON reader wraps some body errors in a 400: answer for the real cause, which names the field.
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown);
            }
            if (t instanceof MismatchedInputException mismatch) {
                return mismatched(mismatch);
            }
            if (t instanceof JsonProcessingException jpe) {
                return json(jpe);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        ErrorCode code = ErrorCode.forStatus(status);
        Problem p = new Problem(Problem.of(code, null, null).type(), code.title(), status, detailOf(status, e), code.name(),
                List.of());
        Response.ResponseBuilder builder = problem(p);
        if (e.getResponse() != null) {
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response composite(CompositeException e) {
        return dispatch(e.getCauses().isEmpty() ? e : e.getCauses().get(0));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return dispatch(e);
    }

    /** Unwraps reactive and persistence wrappers to answer for the real cause. */
    private Response dispatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api);
            }
            if (t instanceof ConstraintViolationException cve) {
                return violations(cve);
            }
            if (t instanceof WebApplicationException wae) {
                return web(wae);
            }
            if (t instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown);
            }
            if (t instanceof MismatchedInputException mismatch) {
                return mismatched(mismatch);
            }
            if (t instanceof JsonProcessingException jpe) {
                return json(jpe);
            }
            if (t instanceof ForbiddenException fe) {
                return forbidden(fe);
            }
            if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
                return unauthenticated();
            }
            if (t instanceof PgException pg) {
                Response mapped = database(pg.getSqlState());
                if (mapped != null) {
                    return mapped;
                }
            }
            // Hibernate Reactive reports some database errors as a java.sql.SQLException carrying the state.
            if (t instanceof SQLException sql) {
                Response mapped = database(sql.getSQLState());
                if (mapped != null) {
                    return mapped;
                }
            }
        }
        return internal(e);
    }

    /**
     * Safety net for races the services' own checks cannot see (two requests creating the same name at once): the
     * database's answer is still the client's conflict, not our 500.
     */
    private Response database(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "23505" -> problem(Problem.of(ErrorCode.CONFLICT, "This conflicts with an existing record.", List.of())).build();
            case "23503" -> problem(Problem.of(ErrorCode.CONFLICT, "This refers to, or is referred to by, another record.", List.of())).build();
            case "40001", "40P01", "55P03" -> problem(Problem.of(ErrorCode.CONFLICT, "Concurrent change; retry the request.", List.of())).build();
            // 22021/22P05: text or jsonb the database cannot store (NUL); 54000: a value over a database limit.
            case "22001", "22003", "22P02", "22007", "22008", "22021", "22P05", "54000" -> problem(Problem.of(ErrorCode.VALIDATION_ERROR, "A value is out of range.", List.of())).build();
            default -> null;
        };
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private Response internal(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return problem(Problem.of(ErrorCode.INTERNAL_ERROR, "Unexpected error; reference " + reference + ".", List.of()))
                .build();
    }

    private static Response unauthenticated() {
        return problem(Problem.of(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required.", List.of()))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    private static String detailOf(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request body is larger than 64 KiB.";
            case 415 -> "Send application/json.";
            default -> e.getMessage();
        };
    }

    private static Response.ResponseBuilder problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "create.request.partySize" → "party_size": the JSON name the client sent. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        // Skip the method and parameter nodes of a method-parameter violation.
        int start = parts.length > 2 ? 2 : parts.length - 1;
        StringBuilder field = new StringBuilder();
        for (int i = Math.max(0, start); i < parts.length; i++) {
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(parts[i].replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
        }
        return field.toString();
    }
}
