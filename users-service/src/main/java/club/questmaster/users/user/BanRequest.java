package club.questmaster.users.user;

import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/admin/users/{id}/ban}. */
public record BanRequest(@Size(max = 500, message = "must be at most 500 characters") String reason) {
}
