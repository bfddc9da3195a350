package club.questmaster.users.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /api/v1/admin/users/{id}/permissions}: the complete new set. */
public record PermissionsRequest(
        @Schema(description = "manage_reference_data, manage_trophies, view_audit, moderate_games; [] removes all")
        @NotNull @Size(max = 4) List<String> permissions) {
}
