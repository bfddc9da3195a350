package club.questmaster.audit.timeline;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.Permission;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Who may read which timeline, and the reads themselves. The caller comes from the resource, already resolved. */
@ApplicationScoped
public class TimelineService {

    private final GameEventRepository events;
    private final GameOwnerRepository owners;

    public TimelineService(GameEventRepository events, GameOwnerRepository owners) {
        this.events = events;
        this.owners = owners;
    }

    /**
     * A game's timeline, oldest first: its gm, and whoever may view every game's audit (admins, and the delegated
     * permission {@code view_audit}).
     */
    public Uni<PageResult<GameEventView>> timeline(Caller caller, long gameId, PageRequest page) {
        return Panache.withSession(() -> owners.findById(gameId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("No game " + gameId + " in the audit log."))
                .chain(owner -> {
                    if (!caller.hasPermission(Permission.VIEW_AUDIT) && !owner.gmId.equals(caller.id())) {
                        return Uni.createFrom().failure(
                                ApiException.forbidden("Only the game's gm and admins may read its timeline."));
                    }
                    return events.timeline(gameId, page).chain(rows -> events.countTimeline(gameId)
                            .map(total -> PageResult.of(rows.stream().map(GameEventView::of).toList(), total, page)));
                }));
    }

    /** The search over every game's events, newest first (the resource lets only admins and view_audit in). */
    public Uni<PageResult<GameEventView>> search(GameEventSearch search, PageRequest page) {
        return Panache.withSession(() -> events.search(search, page).chain(rows -> events.countSearch(search)
                .map(total -> PageResult.of(rows.stream().map(GameEventView::of).toList(), total, page))));
    }
}
