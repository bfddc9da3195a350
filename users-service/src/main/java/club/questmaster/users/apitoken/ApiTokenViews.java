package club.questmaster.users.apitoken;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answers of {@code /api/v1/users/me/tokens} and {@code /api/v1/auth/token}. */
public final class ApiTokenViews {

    private ApiTokenViews() {
    }

    @Schema(name = "CreateApiToken")
    public record Create(
            @NotNull @Size(min = 1, max = 100, message = "must be 1 to 100 characters") String name,
            @Schema(description = "among games:read, games:write, registrations:write, calendar:read")
            @NotNull @Size(min = 1, max = 4) List<String> scopes,
            @Schema(minimum = "1", maximum = "365") @NotNull @JsonProperty("expires_in_days") Integer expiresInDays) {
    }

    /** A token as listed: never its secret. */
    @Schema(name = "ApiToken")
    public record Listed(
            long id,
            String name,
            List<String> scopes,
            @JsonProperty("created_at") OffsetDateTime createdAt,
            @JsonProperty("expires_at") OffsetDateTime expiresAt,
            @JsonProperty("last_used_at") OffsetDateTime lastUsedAt) {

        static Listed of(ApiToken token) {
            return new Listed(token.id, token.name, token.scopes(), token.createdAt, token.expiresAt,
                    token.lastUsedAt);
        }
    }

    /** The answer to a creation, the only time the secret is shown. */
    @Schema(name = "CreatedApiToken")
    public record Created(
            long id,
            String name,
            List<String> scopes,
            @JsonProperty("created_at") OffsetDateTime createdAt,
            @JsonProperty("expires_at") OffsetDateTime expiresAt,
            @Schema(description = "the secret (qmp_...), shown once; only its hash is kept") String token) {

        /** Never the secret, whoever logs this. */
        @Override
        public String toString() {
            return "Created[id=" + id + ", name=" + name + ", scopes=" + scopes + "]";
        }
    }

    @Schema(name = "ApiTokenExchange")
    public record Exchange(@NotNull @Size(min = 1, max = 200) @JsonProperty("api_token") String apiToken) {

        @Override
        public String toString() {
            return "Exchange[api_token=***]";
        }
    }
}
