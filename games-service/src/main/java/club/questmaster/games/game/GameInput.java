package club.questmaster.games.game;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a game with the original's enum values and validation (docs/original-rules.md#game-model,
 * #list-filters). POST takes it as is; PATCH merges the body over the current values and validates the result with the
 * same rules.
 *
 * <p>Choices where the original was loose: {@code session_length} is one decimal between 0.5 and 24 hours (the
 * form's range; the original's DECIMAL(2,1) capped it at 9.9 silently); {@code img} must be an http(s) URL (the
 * original only skipped other URLs in the embed); {@code classification}'s rule, and the v1.1 rules tying
 * {@code min_players} to {@code party_size} and {@code go_no_go_at} to {@code date}, are checked in {@link GameRules}.
 */
public record GameInput(
        @NotBlank @Size(max = 255) String name,
        @NotNull @Pattern(regexp = "oneshot|campaign", message = "must be oneshot or campaign") String type,
        @Size(max = 255) String length,
        @Pattern(regexp = "\\d{17,21}", message = "must be a user id") String gmId,
        @NotNull Long systemId,
        Long vttId,
        @NotBlank @Size(max = GameInput.MAX_DESCRIPTION) String description,
        @Pattern(regexp = "all|16\\+|18\\+", message = "must be all, 16+ or 18+") String restriction,
        @Size(max = 255) String restrictionTags,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100")
        Integer partySize,
        Boolean partySelection,
        @Pattern(regexp = "all|beginners|seasoned", message = "must be all, beginners or seasoned") String xp,
        @NotNull OffsetDateTime date,
        @NotNull @DecimalMin(value = "0.5", message = "must be at least 0.5 hour")
        @DecimalMax(value = "24", message = "must be at most 24 hours")
        @Digits(integer = 2, fraction = 1, message = "one decimal at most") BigDecimal sessionLength,
        @Pattern(regexp = "weekly|bi-weekly|monthly|other", message = "must be weekly, bi-weekly, monthly or other")
        String frequency,
        @Pattern(regexp = "with_gm|self|pregen|choice", message = "must be with_gm, self, pregen or choice")
        String characters,
        @Size(max = 4) Map<@Size(max = 20) String, Integer> classification,
        @Size(max = 4) List<@NotNull @Pattern(regexp = "chill|serious|comic|epic", message = "must be chill, serious, comic or epic")
                String> ambience,
        @Size(max = GameInput.MAX_COMPLEMENT) String complement,
        @Size(max = 2048) String img,
        Long specialEventId,
        @Schema(description = "v1.1: before this instant a player's registration is 409 REGISTRATION_NOT_OPEN (the "
                + "gm's own add bypasses it); null: open at once")
        OffsetDateTime registrationOpensAt,
        @Schema(description = "v1.1: a full game (not party_selection) takes a waitlist; default true")
        Boolean waitlistEnabled,
        @Schema(description = "v1.1: how long a freed seat is held for the first in line; 0 registers them at once; "
                + "default 24")
        @Min(value = 0, message = "must be between 0 and 168") @Max(value = 168, message = "must be between 0 and 168")
        Integer waitlistOfferHours,
        @Schema(description = "v1.1: 1 to party_size, or null; with go_no_go_at, a game short of it is cancelled then")
        @Min(value = 1, message = "must be at least 1") Integer minPlayers,
        @Schema(description = "v1.1: the go/no-go instant, before date; needs min_players")
        OffsetDateTime goNoGoAt) {

    /** Contract §6: every text field has a documented maximum length (also in the OpenAPI schema). */
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_COMPLEMENT = 2_000;
}
