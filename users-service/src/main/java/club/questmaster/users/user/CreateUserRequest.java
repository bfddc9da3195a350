package club.questmaster.users.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/v1/admin/users}. */
public record CreateUserRequest(
        @NotNull @Pattern(regexp = Usernames.PATTERN, message = Usernames.RULE) String username,
        @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password,
        @Size(min = 1, max = 100, message = "must be 1 to 100 characters") String name,
        @Schema(description = "defaults to [\"player\"]") @Size(max = 4) List<String> roles) {
}
