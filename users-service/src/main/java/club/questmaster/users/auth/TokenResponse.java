package club.questmaster.users.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token pair (api.md §2): the access token (JWT, RS256) and the opaque, single-use refresh token. */
@Schema(name = "Tokens")
public record TokenResponse(
        String accessToken,
        String refreshToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "access token lifetime in seconds", example = "900") long expiresIn) {
}
