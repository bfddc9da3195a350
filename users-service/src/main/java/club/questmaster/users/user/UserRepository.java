package club.questmaster.users.user;

import club.questmaster.platform.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Queries on {@code app_user}. "Live" means not soft-deleted. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    public Uni<User> findLive(String id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    /** The live user, row-locked for the rest of the transaction. */
    public Uni<User> lockLive(String id) {
        return find("id = ?1 and deletedAt is null", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<User> findLiveByUsername(String username) {
        return find("lower(username) = lower(?1) and deletedAt is null", username).firstResult();
    }

    public Uni<User> lockLiveByUsername(String username) {
        return find("lower(username) = lower(?1) and deletedAt is null", username)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Boolean> usernameTaken(String username, String exceptId) {
        return count("lower(username) = lower(?1) and deletedAt is null and id <> ?2", username,
                exceptId == null ? "" : exceptId).map(n -> n > 0);
    }

    public Uni<List<User>> findLiveByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1 and deletedAt is null", ids);
    }

    /** Live users whose username or name contains {@code q} (case-insensitive), usernames starting with it first. */
    public Uni<List<User>> search(String q, int limit) {
        String pattern = "%" + escapeLike(q.toLowerCase()) + "%";
        return find("deletedAt is null and (lower(username) like :p escape '\\' or lower(name) like :p escape '\\')"
                + " order by case when lower(username) like :prefix escape '\\' then 0 else 1 end, lower(username)",
                Parameters.with("p", pattern).and("prefix", escapeLike(q.toLowerCase()) + "%"))
                .page(Page.ofSize(limit)).list();
    }

    public record Filter(Optional<String> q, Optional<String> role, Optional<Boolean> banned) {
    }

    public Uni<List<User>> page(Filter filter, PageRequest request) {
        Query query = query(filter);
        return find(query.where, Sort.ascending("createdAt", "id"), query.params)
                .page(Page.of(request.page() - 1, request.perPage())).list();
    }

    public Uni<Long> count(Filter filter) {
        Query query = query(filter);
        return count(query.where, query.params);
    }

    public Uni<Boolean> anyLiveSuperuser() {
        return count("deletedAt is null and concat(',', roleList, ',') like '%,superuser,%'").map(n -> n > 0);
    }

    public Uni<List<String>> bannedIds() {
        return find("banned = true").project(IdOnly.class).list().map(rows -> rows.stream().map(IdOnly::id).toList());
    }

    public record IdOnly(String id) {
    }

    private record Query(String where, Parameters params) {
    }

    private static Query query(Filter filter) {
        List<String> clauses = new ArrayList<>();
        clauses.add("deletedAt is null");
        Parameters params = new Parameters();
        filter.q().ifPresent(q -> {
            clauses.add("(lower(username) like :q escape '\\' or lower(name) like :q escape '\\' or id = :exact)");
            params.and("q", "%" + escapeLike(q.toLowerCase()) + "%").and("exact", q);
        });
        filter.role().ifPresent(role -> {
            clauses.add("concat(',', roleList, ',') like :role");
            params.and("role", "%," + role + ",%");
        });
        filter.banned().ifPresent(banned -> {
            clauses.add("banned = :banned");
            params.and("banned", banned);
        });
        return new Query(String.join(" and ", clauses), params);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
