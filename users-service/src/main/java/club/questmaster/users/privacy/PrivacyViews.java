package club.questmaster.users.privacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and answers of the privacy endpoints (api.md §8). */
public final class PrivacyViews {

    private PrivacyViews() {
    }

    /** The complete export: one section per service. */
    @Schema(name = "PrivacyExport")
    public record Export(
            @JsonProperty("export_id") String exportId,
            @JsonProperty("user_id") String userId,
            @JsonProperty("generated_at") OffsetDateTime generatedAt,
            @Schema(description = "users, games, trophies, audit: what each service holds about the caller")
            Map<String, Object> sections) {
    }

    /** 202: the export is being gathered; ask again after Retry-After. */
    @Schema(name = "PrivacyExportPending")
    public record Pending(
            @JsonProperty("export_id") String exportId,
            @Schema(example = "pending") String status,
            @JsonProperty("waiting_for") List<String> waitingFor) {
    }

    /** {@code DELETE /api/v1/users/me}: the password for local accounts, {@code confirm: "DELETE"} for Discord ones. */
    @Schema(name = "EraseAccount")
    public record Erase(
            @jakarta.validation.constraints.Size(max = 1024) String password,
            @jakarta.validation.constraints.Size(max = 10) String confirm) {

        @Override
        public String toString() {
            return "Erase[password=***, confirm=" + confirm + "]";
        }
    }

    /** The users section: the account, its sessions and its API tokens (never a secret nor a hash). */
    public record UsersSection(
            Map<String, Object> account,
            List<Map<String, Object>> sessions,
            @JsonProperty("api_tokens") List<Map<String, Object>> apiTokens) {
    }
}
