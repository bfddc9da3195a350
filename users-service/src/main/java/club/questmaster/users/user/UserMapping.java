package club.questmaster.users.user;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.users.privacy.Erasure;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Between the {@link User} entity and what leaves the service: the HTTP views and the event snapshot. */
public final class UserMapping {

    private UserMapping() {
    }

    public static UserView view(User user) {
        List<String> roles = user.roles();
        Role highest = Role.highest(roles).orElse(null);
        return new UserView(user.id, user.name, user.username, user.avatar, roles, roles.contains(Role.PLAYER_NAME),
                highest != null && highest.atLeast(Role.GM), highest != null && highest.atLeast(Role.ADMIN),
                user.notPlayerAsOf, user.banned, user.createdAt, user.permissions());
    }

    public static AdminUserView adminView(User user) {
        UserView v = view(user);
        return new AdminUserView(v.id(), v.name(), v.username(), v.avatar(), v.roles(), v.isPlayer(), v.isGm(),
                v.isAdmin(), v.notPlayerAsOf(), v.banned(), v.createdAt(), v.permissions(), user.provider, user.banReason,
                user.bannedAt, user.lockedUntil, user.lastLoginAt, user.updatedAt);
    }

    /** A new local account; the name defaults to the username. */
    public static User newLocalAccount(String id, CreateUserRequest request, List<String> roles, String passwordHash,
            OffsetDateTime now) {
        User user = new User();
        user.id = id;
        user.username = request.username();
        user.name = request.name() == null || request.name().isBlank() ? request.username() : request.name().strip();
        user.setRoles(roles);
        user.provider = User.LOCAL;
        user.passwordHash = passwordHash;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /**
     * The full public snapshot every user event carries (the v1.1 notices too, with their {@code session_id} or
     * {@code export_id}), so that any consumer may apply any user event as an upsert; {@code action} is the last
     * segment of the type.
     */
    public static UserEventData snapshot(String type, User user, String actorId, UUID eventId, OffsetDateTime now,
            String sessionId, String exportId) {
        String action = type.substring(type.lastIndexOf('.') + 1);
        return new UserEventData(eventId, now, action, user.id, user.name, user.username, user.roles(), user.banned,
                user.banReason, user.deleted(), user.notPlayerAsOf, actorId, user.permissions(), sessionId, exportId,
                UserEventData.SCHEMA_VERSION);
    }

    /**
     * An erasure: the user id and nothing personal. {@code deleted} true, empty roles and the fixed name shown for
     * erased users, so that a consumer reading it as a v1 snapshot keeps a tombstone under that name, which no
     * replayed older snapshot can overwrite.
     */
    public static UserEventData erased(String userId, String actorId, UUID eventId, OffsetDateTime now) {
        return new UserEventData(eventId, now, "erased", userId, Erasure.ERASED_NAME, null, List.of(), false, null, true, null,
                actorId, List.of(), null, null, UserEventData.SCHEMA_VERSION);
    }
}
