package club.questmaster.users.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/auth/token}: a short scoped access token for a bot (api.md §8); no refresh token. */
@Schema(name = "BotToken")
public record BotToken(
        String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "lifetime in seconds, at most 900", example = "900") long expiresIn) {
}
