package club.questmaster.trophies.catalog;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/v1/trophies/{id}}: only the fields present change. */
public record UpdateTrophyRequest(
        @Size(min = 1, max = 64) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        Boolean unique,
        @Size(max = 2048) String icon) {
}
