package club.questmaster.games.users;

import club.questmaster.platform.security.KnownUser;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users projection read inside a request's Hibernate Reactive session. A request that holds a session (one pool
 * connection) must never ask the pool for a second one, as {@code UserDirectory} would: twenty such requests at once
 * hold every connection and wait for each other (contract §6 "Concurrency"). Deleted users are not returned.
 */
@ApplicationScoped
public class ProjectedUsers implements PanacheRepositoryBase<ProjectedUser, String> {

    public Uni<Optional<KnownUser>> find(String id) {
        return find("id = ?1 and deleted = false", id).firstResult()
                .map(user -> Optional.ofNullable(user).map(ProjectedUser::toKnownUser));
    }

    /** The known, non-deleted users among these ids, by id. */
    public Uni<Map<String, KnownUser>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("id in ?1 and deleted = false", List.copyOf(ids)).map(users -> {
            Map<String, KnownUser> byId = new LinkedHashMap<>();
            users.forEach(user -> byId.put(user.id, user.toKnownUser()));
            return byId;
        });
    }
}
