package club.questmaster.users.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** An account (table {@code app_user}). Never leaves the service layer: resources answer with {@link UserView}. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {

    public static final String LOCAL = "local";
    public static final String DISCORD = "discord";

    @Id
    public String id;

    public String username;

    public String name;

    public String avatar;

    /** Role names in rank order, comma-separated; use {@link #roles()} and {@link #setRoles}. */
    @Column(name = "roles")
    public String roleList;

    public String provider;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "not_player_as_of")
    public OffsetDateTime notPlayerAsOf;

    public boolean banned;

    @Column(name = "ban_reason")
    public String banReason;

    @Column(name = "banned_at")
    public OffsetDateTime bannedAt;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;

    @Column(name = "last_login_at")
    public OffsetDateTime lastLoginAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    /** Delegated permission names, comma-separated; use {@link #permissions()} and {@link #setPermissions}. */
    @Column(name = "permissions")
    public String permissionList = "";

    /** Set when the account's personal data was erased (api.md §8); such an account is also deleted. */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    public List<String> roles() {
        return Roles.parse(roleList);
    }

    public void setRoles(java.util.Collection<String> roles) {
        roleList = Roles.format(roles);
    }

    public List<String> permissions() {
        return Permissions.parse(permissionList);
    }

    public void setPermissions(java.util.Collection<String> permissions) {
        permissionList = Permissions.format(permissions);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
