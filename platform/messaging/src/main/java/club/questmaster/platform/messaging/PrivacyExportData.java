package club.questmaster.platform.messaging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value of a {@code questmaster.privacy-exports} record (events.md v1.1): one service's answer to a
 * {@code questmaster.user.export.requested} event, keyed by the export id; users-service assembles them.
 *
 * @param service the answering service's name, e.g. {@code games-service}
 * @param data    what that service holds about the user, as JSON
 */
public record PrivacyExportData(
        @JsonProperty("export_id") String exportId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("service") String service,
        @JsonProperty("data") JsonNode data) {
}
