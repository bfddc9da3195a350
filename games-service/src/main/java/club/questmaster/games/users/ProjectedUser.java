package club.questmaster.games.users;

import club.questmaster.platform.security.KnownUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of the users projection ({@code known_user}, written by platform-security from
 * {@code questmaster.user-events}), read-only here: mapped so that a request reads it through its own Hibernate
 * session, on the connection it already holds (see {@link ProjectedUsers}).
 */
@Entity
@Immutable
@Table(name = "known_user")
public class ProjectedUser {

    @Id
    public String id;
    public String name;
    public String username;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] roles;
    public boolean banned;
    public boolean deleted;
    @Column(name = "not_player_as_of")
    public OffsetDateTime notPlayerAsOf;

    public KnownUser toKnownUser() {
        return new KnownUser(id, name, username, roles == null ? List.of() : List.of(roles), banned, deleted,
                notPlayerAsOf);
    }
}
