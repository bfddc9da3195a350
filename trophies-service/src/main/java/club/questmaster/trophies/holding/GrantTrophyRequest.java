package club.questmaster.trophies.holding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/v1/users/{id}/trophies}: quantity defaults to 1 and is forced to 1 for a unique trophy. */
public record GrantTrophyRequest(
        @NotNull Long trophyId,
        @Min(1) @Max(UserTrophyRepository.MAX_QUANTITY) Integer quantity) {
}
