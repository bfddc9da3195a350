package club.questmaster.trophies.holding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PATCH /api/v1/users/{id}/trophies/{trophy_id}}: to remove a trophy, DELETE it (or decrement from 1). */
public record SetQuantityRequest(@NotNull @Min(1) @Max(UserTrophyRepository.MAX_QUANTITY) Integer quantity) {
}
