package club.questmaster.audit.timeline;

import club.questmaster.platform.web.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads of the timeline. (Writes are batched set operations: see ingest.GameEventStore.) */
@ApplicationScoped
public class GameEventRepository implements PanacheRepository<GameEvent> {

    private static final Sort OLDEST_FIRST = Sort.ascending("timestamp", "id");
    private static final Sort NEWEST_FIRST = Sort.descending("timestamp", "id");

    public Uni<List<GameEvent>> timeline(long gameId, PageRequest page) {
        return find("gameId", OLDEST_FIRST, gameId).page(Page.of(page.page() - 1, page.perPage())).list();
    }

    public Uni<Long> countTimeline(long gameId) {
        return count("gameId", gameId);
    }

    public Uni<List<GameEvent>> search(GameEventSearch search, PageRequest page) {
        Where where = where(search);
        return find(where.query, NEWEST_FIRST, where.parameters).page(Page.of(page.page() - 1, page.perPage())).list();
    }

    public Uni<Long> countSearch(GameEventSearch search) {
        Where where = where(search);
        return count(where.query, where.parameters);
    }

    private record Where(String query, Parameters parameters) {
    }

    private static Where where(GameEventSearch search) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.action() != null) {
            clauses.add("action = :action");
            parameters.and("action", search.action());
        }
        if (search.gameId() != null) {
            clauses.add("gameId = :gameId");
            parameters.and("gameId", search.gameId());
        }
        if (search.userId() != null) {
            clauses.add("userId = :userId");
            parameters.and("userId", search.userId());
        }
        if (search.from() != null) {
            clauses.add("timestamp >= :from");
            parameters.and("from", search.from());
        }
        if (search.to() != null) {
            clauses.add("timestamp <= :to");
            parameters.and("to", search.to());
        }
        if (search.q() != null) {
            // ILIKE on the two free-text columns (trigram indexes); the action names are few and fixed, so the
            // ones containing q are found here and matched by equality (action index) instead of a pattern.
            String pattern = "%" + escapeLike(search.q()) + "%";
            List<String> actions = club.questmaster.platform.messaging.GameEventData.Actions.ALL.stream()
                    .filter(a -> a.contains(search.q().toLowerCase(Locale.ROOT))).toList();
            // The escape character must be named: Hibernate otherwise renders "escape ''" (none).
            String text = "description ilike :pattern escape '\\' or gameSlug ilike :pattern escape '\\'";
            parameters.and("pattern", pattern);
            if (!actions.isEmpty()) {
                text += " or action in :qActions";
                parameters.and("qActions", actions);
            }
            clauses.add("(" + text + ")");
        }
        return new Where(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
    }

    /** q is a literal substring: LIKE's wildcards and the escape character (backslash) lose their meaning. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
