package club.questmaster.games.seat;

import club.questmaster.games.events.GameEvents;
import club.questmaster.platform.security.Caller;
import club.questmaster.games.game.GamePermissions;
import club.questmaster.games.game.GameAccess;
import club.questmaster.games.game.GameView;
import club.questmaster.games.game.GameViews;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The waitlist of a full game (contract §7): join, leave, see one's place (the gm sees the queue), accept or decline
 * an offer. Each change locks the game row first, like every seat change, so the queue order is the commit order
 * and a freed seat is offered to exactly one player.
 */
@ApplicationScoped
public class WaitlistService {

    /** {@code {user_id, position, status, offered_until}}. */
    public record EntryView(String userId, int position, String status, OffsetDateTime offeredUntil) {
    }

    private final GameAccess access;
    private final GameViews views;
    private final Seating seating;
    private final WaitlistRepository waitlist;
    private final GameEvents events;

    public WaitlistService(GameAccess access, GameViews views, Seating seating, WaitlistRepository waitlist,
            GameEvents events) {
        this.access = access;
        this.views = views;
        this.seating = seating;
        this.waitlist = waitlist;
        this.events = events;
    }

    @WithTransaction
    public Uni<EntryView> join(Caller caller, String slug) {
        GamePermissions.require(caller, Role.PLAYER);
        return access.lockVisible(caller, slug).chain(seating::of).chain(state -> {
            SeatRules.checkJoin(state.game(), state.players(), state.queue(), caller.id());
            int position = state.queue().size() + 1;
            return waitlist.add(state.game().id, caller.id())
                    .chain(() -> events.waitlistJoined(state.game(), state.players(), caller.id(), position))
                    .replaceWith(new EntryView(caller.id(), position, "waiting", null));
        });
    }

    /** The gm and admins see the whole queue; a player sees their own entry only (404 when not queued). */
    @WithSession
    public Uni<List<EntryView>> list(Caller caller, String slug) {
        if (caller.anonymous()) {
            return Uni.createFrom().failure(GameAccess.unauthenticated());
        }
        return access.visible(caller, slug).chain(game -> waitlist.queue(game.id).map(queue -> {
            List<EntryView> all = new ArrayList<>();
            for (int i = 0; i < queue.size(); i++) {
                WaitlistEntry e = queue.get(i);
                all.add(new EntryView(e.playerId(), i + 1, e.status(), e.offeredUntil()));
            }
            if (GamePermissions.manages(caller, game)) {
                return all;
            }
            List<EntryView> mine = all.stream().filter(e -> e.userId().equals(caller.id())).toList();
            if (mine.isEmpty()) {
                throw notQueued();
            }
            return mine;
        }));
    }

    /** Leaving the queue; the places behind move up, and a seat the player held goes to the next. */
    @WithTransaction
    public Uni<Void> leave(Caller caller, String slug) {
        GamePermissions.require(caller, Role.PLAYER);
        return access.lockVisible(caller, slug).chain(seating::of).chain(state -> {
            if (state.entry(caller.id()) == null) {
                throw notQueued();
            }
            return seating.dequeue(state, caller.id(), events.waitlistLeft(state.game(),
                    state.players(), caller.id()));
        }).replaceWithVoid();
    }

    /** 201: the held seat becomes theirs. */
    @WithTransaction
    public Uni<GameView> accept(Caller caller, String slug) {
        GamePermissions.require(caller, Role.PLAYER);
        return access.lockVisible(caller, slug).chain(seating::of).chain(state -> {
            requireLiveOffer(state, caller.id());
            return seating.accept(state, caller.id());
        }).chain(state -> views.of(state.game(), state.players()));
    }

    /** The offer passes to the next in line. */
    @WithTransaction
    public Uni<Void> decline(Caller caller, String slug) {
        GamePermissions.require(caller, Role.PLAYER);
        return access.lockVisible(caller, slug).chain(seating::of).chain(state -> {
            requireLiveOffer(state, caller.id());
            return seating.dequeue(state, caller.id(), events.offerDeclined(state.game(), state.players(),
                    caller.id()));
        }).replaceWithVoid();
    }

    /** An offer past its deadline is gone even before the sweep removes it. */
    private static void requireLiveOffer(SeatState state, String playerId) {
        WaitlistEntry entry = state.entry(playerId);
        if (entry == null) {
            throw notQueued();
        }
        if (!entry.offered() || !entry.offeredUntil().isAfter(OffsetDateTime.now())) {
            throw new ApiException(ErrorCode.CONFLICT, entry.offered()
                    ? "La place proposée a expiré." : "Aucune place ne vous est proposée pour le moment.");
        }
    }

    private static ApiException notQueued() {
        return ApiException.notFound("Vous n'êtes pas en liste d'attente pour cette partie.");
    }
}
