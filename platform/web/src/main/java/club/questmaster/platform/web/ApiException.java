package club.questmaster.platform.web;

import java.time.Duration;
import java.util.List;

/**
 * A refusal the client can act on: becomes a problem+json answer with the contract's code. Services throw it (or
 * fail their {@code Uni} with it) from their rules; resources never build error responses themselves.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of(), null);
    }

    public ApiException(ErrorCode code, String detail, List<Problem.FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ErrorCode.NOT_FOUND, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ErrorCode.FORBIDDEN, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, List.of(new Problem.FieldError(field, message)), null);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Problem toProblem() {
        return Problem.of(code, getMessage(), errors);
    }
}
