package club.questmaster.users.user;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
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
                user.notPlayerAsOf, user.banned, user.createdAt);
    }

    public static AdminUserView adminView(User user) {
        UserView v = view(user);
        return new AdminUserView(v.id(), v.name(), v.username(), v.avatar(), v.roles(), v.isPlayer(), v.isGm(),
                v.isAdmin(), v.notPlayerAsOf(), v.banned(), v.createdAt(), user.provider, user.banReason,
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

    /** The full public snapshot a user event carries; {@code action} is the last segment of the type. */
    public static UserEventData snapshot(String type, User user, String actorId, UUID eventId, OffsetDateTime now) {
        String action = type.substring(type.lastIndexOf('.') + 1);
        return new UserEventData(eventId, now, action, user.id, user.name, user.username, user.roles(), user.banned,
                user.banReason, user.deleted(), user.notPlayerAsOf, actorId, UserEventData.SCHEMA_VERSION);
    }
}
