package club.questmaster.games.events;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameView.Queue;
import club.questmaster.games.seat.SeatRules;
import club.questmaster.games.seat.SeatState;
import club.questmaster.games.seat.WaitlistRepository;
import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.GameEventData.Actions;
import club.questmaster.platform.messaging.GameEventData.Types;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.outbox.OutboxWriter;
import club.questmaster.platform.outbox.OutgoingEvent;
import club.questmaster.platform.web.CommunityTime;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How each change of a game becomes its event rows (events.md): ce_type, the original's audit action and its French
 * description (docs/original-rules.md#lifecycle-events, #session-events). Callers run inside the transaction of the
 * change, after locking the game row, so a game's outbox ids follow its commit order. The only place that writes game
 * events.
 */
@ApplicationScoped
public class GameEvents {

    /** The original's HUMAN_TIMEFORMAT "%a %d/%m - %Hh%M" under fr_FR (e.g. "sam. 10/09 - 20h30"). */
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("EEE dd/MM - HH'h'mm", Locale.FRENCH);
    /** Python's str(datetime), which the original used for the new span of an edited session. */
    private static final DateTimeFormatter RAW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OutboxWriter outbox;
    private final WaitlistRepository waitlist;
    private final ZoneId zone;

    public GameEvents(OutboxWriter outbox, WaitlistRepository waitlist, CommunityTime time) {
        this.outbox = outbox;
        this.waitlist = waitlist;
        this.zone = time.zone();
    }

    public Uni<Void> created(Game game, List<String> players, String actorId) {
        return write(game, players, Types.CREATED, Actions.CREATE, "Annonce créée avec le statut draft.", actorId,
                null, null, null);
    }

    public Uni<Void> edited(Game game, List<String> players, String actorId) {
        return write(game, players, Types.UPDATED, Actions.EDIT, "Le contenu de l'annonce a été édité.", actorId,
                null, null, null);
    }

    public Uni<Void> published(Game game, List<String> players, String actorId, boolean silent,
            GameEventData.Session firstSession) {
        return write(game, players, Types.PUBLISHED, Actions.EDIT, silent
                ? "L'annonce a été ouverte silencieusement."
                : "L'annonce a été publiée et ouverte.", actorId, null, firstSession, null);
    }

    public Uni<Void> closed(Game game, List<String> players, String actorId) {
        return write(game, players, Types.CLOSED, Actions.EDIT, "L'annonce a été fermée aux inscriptions.", actorId,
                null, null, null);
    }

    public Uni<Void> reopened(Game game, List<String> players, String actorId) {
        return write(game, players, Types.REOPENED, Actions.EDIT, "L'annonce a été ouverte aux inscriptions.",
                actorId, null, null, null);
    }

    /** The last seat was taken (no caller: the rule acted). */
    public Uni<Void> autoClosed(SeatState state) {
        return write(state, Types.CLOSED, Actions.EDIT,
                "Annonce fermée automatiquement après avoir atteint le nombre max de joueur·euses ("
                        + state.game().partySize + ").", null);
    }

    public Uni<Void> autoReopened(SeatState state) {
        return write(state, Types.REOPENED, Actions.EDIT, "Annonce rouverte automatiquement après désinscription.",
                null);
    }

    /**
     * The original's two archive rows: edit "archivée", then delete with the trophies outcome. Only the second row
     * carries {@code award_trophies}, so a consumer awarding on it acts once per archive.
     */
    public Uni<Void> archived(Game game, List<String> players, String actorId, boolean awardTrophies) {
        return write(game, players, Types.ARCHIVED, Actions.EDIT, "L'annonce a été archivée.", actorId, null, null,
                null)
                .chain(() -> write(game, players, Types.ARCHIVED, Actions.DELETE, awardTrophies
                        ? "Annonce archivée. Badges distribués."
                        : "Annonce archivée. Badges non-distribués.", actorId, awardTrophies, null, null));
    }

    /** A draft deleted (the original logged nothing because its rows cascaded away; the stream must say it). */
    public Uni<Void> deleted(Game game, List<String> players, String actorId) {
        return write(game, players, Types.DELETED, Actions.DELETE, "Le brouillon de l'annonce a été supprimé.",
                actorId, null, null, null);
    }

    public Uni<Void> sessionCreated(Game game, List<String> players, String actorId, GameEventData.Session session) {
        return write(game, players, Types.SESSION_CREATED, Actions.CREATE_SESSION,
                "Une session a été créée du " + human(session.start()) + " au " + human(session.end()) + ".",
                actorId, null, session, null);
    }

    public Uni<Void> sessionEdited(Game game, List<String> players, String actorId, GameEventData.Session previous,
            GameEventData.Session session) {
        return write(game, players, Types.SESSION_UPDATED, Actions.EDIT_SESSION,
                "Une session a été éditée : " + human(previous.start()) + " → " + human(previous.end())
                        + ", remplacée par " + raw(session.start()) + " → " + raw(session.end()) + ".",
                actorId, null, session, previous);
    }

    public Uni<Void> sessionDeleted(Game game, List<String> players, String actorId, GameEventData.Session session) {
        return write(game, players, Types.SESSION_DELETED, Actions.DELETE_SESSION,
                "Une session a été supprimée du " + human(session.start()) + " au " + human(session.end()) + ".",
                actorId, null, session, null);
    }

    /** A gm proposed candidate sessions to the registered players. */
    public Uni<Void> pollCreated(Game game, List<String> players, String actorId, int options) {
        return write(game, players, Types.POLL_CREATED, Actions.EDIT,
                "Un sondage de disponibilités a été proposé (" + options + " créneaux).", actorId, null, null, null);
    }

    /** The gm picked a poll's option; the session it became is created (and announced) just before. */
    public Uni<Void> pollPicked(Game game, List<String> players, String actorId, GameEventData.Session session) {
        return write(game, players, Types.POLL_PICKED, Actions.EDIT, "Le créneau du " + human(session.start())
                + " au " + human(session.end()) + " a été retenu par sondage.", actorId, null, session, null);
    }

    /** {@code byGm}: added by the gm or an admin rather than the player's own registration. */
    public Uni<Void> registered(SeatState after, String playerId, boolean byGm) {
        return write(after, Types.PLAYER_REGISTERED, Actions.REGISTER, byGm
                ? "Le·a joueur·euse a été ajouté·e à la partie par le MJ."
                : "Le·a joueur·euse s'est inscrit·e sur l'annonce.", playerId);
    }

    /** The first in line took a seat at once ({@code waitlist_offer_hours} 0) or accepted their offer. */
    public Uni<Void> promoted(SeatState after, String playerId) {
        return write(after, Types.PLAYER_REGISTERED, Actions.REGISTER,
                "Le·a joueur·euse a été inscrit·e depuis la liste d'attente.", playerId);
    }

    public Uni<Void> unregistered(SeatState after, String playerId) {
        return write(after, Types.PLAYER_UNREGISTERED, Actions.UNREGISTER,
                "Le·a joueur·euse a été désinscrit·e de l'annonce.", playerId);
    }

    public Uni<Void> waitlistJoined(Game game, List<String> players, String playerId, int position) {
        return write(game, players, Types.WAITLIST_JOINED, Actions.WAITLIST,
                "Le·a joueur·euse a rejoint la liste d'attente (position " + position + ").", playerId, null, null,
                null);
    }

    public Uni<Void> waitlistLeft(Game game, List<String> players, String playerId) {
        return write(game, players, Types.WAITLIST_LEFT, Actions.WAITLIST,
                "Le·a joueur·euse a quitté la liste d'attente.", playerId, null, null, null);
    }

    /** Declining an offer leaves the queue too (same ce_type), in the player's words. */
    public Uni<Void> offerDeclined(Game game, List<String> players, String playerId) {
        return write(game, players, Types.WAITLIST_LEFT, Actions.WAITLIST,
                "Le·a joueur·euse a décliné la place proposée.", playerId, null, null, null);
    }

    public Uni<Void> offered(SeatState after, String playerId, OffsetDateTime until) {
        return write(after, Types.WAITLIST_OFFERED, Actions.WAITLIST,
                "Une place a été proposée au·à la joueur·euse jusqu'au " + human(until) + ".", playerId);
    }

    public Uni<Void> offerExpired(SeatState after, String playerId) {
        return write(after, Types.WAITLIST_EXPIRED, Actions.WAITLIST,
                "La place proposée au·à la joueur·euse a expiré.", playerId);
    }

    /** By the gm ({@code actorId}, optional reason) or at go/no-go ({@code actorId} null, the shortfall as reason). */
    public Uni<Void> cancelled(Game game, List<String> players, String actorId, String reason) {
        return write(game, players, Types.CANCELLED, Actions.EDIT, "L'annonce a été annulée."
                + (reason == null || reason.isBlank() ? "" : " " + reason.trim()), actorId, null, null, null);
    }

    /** The reporter stays hidden from the gm: no user id. */
    public Uni<Void> alerted(Game game, List<String> players) {
        return write(game, players, Types.ALERTED, Actions.ALERT, "Un signalement a été fait.", null, null, null,
                null);
    }

    private Uni<Void> write(Game game, List<String> players, String type, String action, String description,
            String userId, Boolean awardTrophies, GameEventData.Session session, GameEventData.Session previous) {
        // The seat counts as this transaction leaves them (its queue writes are already in the database).
        return waitlist.counts(game.id).chain(counts -> append(game, players, counts, type, action, description,
                userId, awardTrophies, session, previous));
    }

    /**
     * A seat change's event: the state mirrors what its transaction wrote, so the counts need no query; the row goes
     * through that transaction's writes (its Hibernate session, or its pool connection for a registration).
     */
    private Uni<Void> write(SeatState after, String type, String action, String description, String userId) {
        return after.writes().append(event(after.game(), after.players(), after.queueCounts(), type, action,
                description, userId, null, null, null));
    }

    private Uni<Void> append(Game game, List<String> players, Queue counts, String type, String action,
            String description, String userId, Boolean awardTrophies, GameEventData.Session session,
            GameEventData.Session previous) {
        return outbox.append(event(game, players, counts, type, action, description, userId, awardTrophies, session,
                previous));
    }

    private static OutgoingEvent event(Game game, List<String> players, Queue counts, String type, String action,
            String description, String userId, Boolean awardTrophies, GameEventData.Session session,
            GameEventData.Session previous) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String gameId = Long.toString(game.id);
        int seatsLeft = SeatRules.seatsLeft(game.partySize, players.size(), counts.offered());
        GameEventData data = new GameEventData(eventId, now, action, gameId, game.slug, game.name, game.type,
                game.status, game.gmId, List.copyOf(players), userId, description, awardTrophies, session, previous,
                seatsLeft, counts.length(), game.minPlayers, game.registrationOpensAt, GameEventData.SCHEMA_VERSION);
        return new OutgoingEvent(eventId, Topics.GAME_EVENTS, type, CloudEvents.GAMES_SOURCE, gameId, now, data);
    }

    private String human(OffsetDateTime time) {
        return HUMAN.format(time.atZoneSameInstant(zone));
    }

    private String raw(OffsetDateTime time) {
        return RAW.format(time.atZoneSameInstant(zone));
    }
}
