package club.questmaster.games.reference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response records of the reference data. A PATCH leaves absent (null) fields unchanged. */
public final class ReferenceInputs {

    private ReferenceInputs() {
    }

    public record NamedIconCreate(@NotBlank @Size(max = 255) String name, @Size(max = 2048) String icon) {
    }

    public record NamedIconPatch(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name, @Size(max = 2048) String icon) {
    }

    public record NamedIconView(long id, String name, String icon) {
    }

    public record SpecialEventCreate(@NotBlank @Size(max = 255) String name, @Size(max = 64) String emoji,
            @Min(0) @Max(0xFFFFFF) Integer color, Boolean active) {
    }

    public record SpecialEventPatch(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String name, @Size(max = 64) String emoji, @Min(0) @Max(0xFFFFFF) Integer color, Boolean active) {
    }

    public record SpecialEventView(long id, String name, String emoji, Integer color, boolean active) {
    }
}
