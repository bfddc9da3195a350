package club.questmaster.users.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of {@code /api/v1/auth/*}. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Login(@NotNull @Size(min = 1, max = 100) String username,
            @NotNull @Size(min = 1, max = 1024) String password) {
    }

    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    public record Discord(@NotBlank @Size(max = 500) String discordAccessToken) {
    }
}
