package club.questmaster.users.user;

import club.questmaster.platform.security.Role;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a validated {@code PATCH /admin/users/{id}} changes on an account. Pure: it edits the entity in memory and
 * says what changed; the service decides what to persist and publish.
 *
 * <p>Rules: a name or roles or {@code not_player_as_of} that end up as they were are no change; losing the player role
 * starts {@code not_player_as_of} now and regaining it clears it, unless the request sets it explicitly; a new
 * password also clears the failed-login counter and the lock.
 */
public final class UserPatch {

    private UserPatch() {
    }

    /**
     * @param roles          the validated new roles, or null when the request leaves them
     * @param notPlayerAsOf  the requested value, read only when the request sets it
     * @param passwordHash   the new hash, or null when the password stays
     */
    public record Change(boolean publicChange, boolean passwordChanged) {
        public boolean any() {
            return publicChange || passwordChanged;
        }
    }

    public static Change apply(User target, PatchUserRequest request, List<String> roles, String passwordHash,
            OffsetDateTime now) {
        boolean publicChange = false;
        if (request.nameSet() && !request.name().strip().equals(target.name)) {
            target.name = request.name().strip();
            publicChange = true;
        }
        if (roles != null && !roles.equals(target.roles())) {
            boolean wasPlayer = target.roles().contains(Role.PLAYER_NAME);
            boolean isPlayer = roles.contains(Role.PLAYER_NAME);
            target.setRoles(roles);
            if (!request.notPlayerAsOfSet() && wasPlayer != isPlayer) {
                target.notPlayerAsOf = isPlayer ? null : now;
            }
            publicChange = true;
        }
        if (request.notPlayerAsOfSet() && !sameInstant(request.notPlayerAsOf(), target.notPlayerAsOf)) {
            target.notPlayerAsOf = request.notPlayerAsOf();
            publicChange = true;
        }
        boolean passwordChanged = passwordHash != null;
        if (passwordChanged) {
            target.passwordHash = passwordHash;
            target.failedLogins = 0;
            target.lockedUntil = null;
        }
        if (publicChange || passwordChanged) {
            target.updatedAt = now;
        }
        return new Change(publicChange, passwordChanged);
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }
}
