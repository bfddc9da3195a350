package club.questmaster.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document with the contract's {@code code} and field {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON name (snake_case, dotted for nested fields) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors) {
        return new Problem("https://questmaster.club-jdr.fr/problems/" + code.name().toLowerCase().replace('_', '-'),
                code.title(), code.status(), detail, code.name(), errors == null ? List.of() : errors);
    }
}
