package club.questmaster.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service answered 4xx/5xx: its problem+json ({@code type, title, status, detail, code, errors[{field, message}]})
 * as an exception, so a page can show the field errors next to their fields and the error page the rest.
 */
public final class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final String service;
    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(String service, int status, String code, String detail, List<FieldError> errors) {
        super(service + " answered " + status + " " + code + ": " + detail);
        this.service = service;
        this.status = status;
        this.code = code == null ? "" : code;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean is(String expectedCode) {
        return code.equals(expectedCode);
    }

    /** Field name → message (the first message of each field), in the order the service gave them. */
    public Map<String, String> fieldErrors() {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field() == null ? "" : e.field(), e.message()));
        return byField;
    }
}
