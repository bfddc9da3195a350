package club.questmaster.trophies.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/trophies}: name required (unique, max 64), unique defaults to false, icon optional. */
public record CreateTrophyRequest(
        @NotBlank @Size(max = 64) String name,
        Boolean unique,
        @Size(max = 2048) String icon) {
}
