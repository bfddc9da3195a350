package club.questmaster.audit.timeline;

import club.questmaster.platform.security.CurrentUser;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Who may read which timeline, and the reads themselves. */
@ApplicationScoped
public class TimelineService {

    private final GameEventRepository events;
    private final GameOwnerRepository owners;
    private final CurrentUser user;

    public TimelineService(GameEventRepository events, GameOwnerRepository owners, CurrentUser user) {
        this.events = events;
        this.owners = owners;
        this.user = user;
    }

    /** A game's timeline, oldest first: its gm and admins only (the original shows it to nobody else). */
    public Uni<PageResult<GameEventView>> timeline(long gameId, PageRequest page) {
        String callerId = user.id(); // 401 when anonymous
        boolean admin = user.atLeast(Role.ADMIN);
        // The caller is read before the reactive chain: the checks below need no request context.
        return Panache.withSession(() -> owners.findById(gameId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("No game " + gameId + " in the audit log."))
                .chain(owner -> {
                    if (!admin && !owner.gmId.equals(callerId)) {
                        return Uni.createFrom().failure(
                                ApiException.forbidden("Only the game's gm and admins may read its timeline."));
                    }
                    return events.timeline(gameId, page).chain(rows -> events.countTimeline(gameId)
                            .map(total -> PageResult.of(rows.stream().map(row -> GameEventView.of(row)).toList(), total, page)));
                }));
    }

    /** The admin search over every game's events, newest first. */
    public Uni<PageResult<GameEventView>> search(GameEventSearch search, PageRequest page) {
        user.id(); // 401 when anonymous
        if (!user.atLeast(Role.ADMIN)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Searching game events is for admins.");
        }
        return Panache.withSession(() -> events.search(search, page).chain(rows -> events.countSearch(search)
                .map(total -> PageResult.of(rows.stream().map(row -> GameEventView.of(row)).toList(), total, page))));
    }
}
