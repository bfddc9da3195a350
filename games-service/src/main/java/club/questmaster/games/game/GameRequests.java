package club.questmaster.games.game;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the lifecycle endpoints (all optional except the alert's message). */
public final class GameRequests {

    private GameRequests() {
    }

    public record Publish(Boolean silent, Boolean confirmPastDate) {
    }

    public record Archive(Boolean awardTrophies) {
    }

    public record Alert(@NotBlank @Size(max = 2000) String message) {
    }

    /** {@code {reason?}}: told to the players in the cancellation event. */
    public record Cancel(@Size(max = 500) String reason) {
    }
}
