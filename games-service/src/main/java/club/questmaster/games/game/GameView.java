package club.questmaster.games.game;

import club.questmaster.games.seat.SeatRules;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A game as the API shows it: every field of the original's model, its player ids and its sessions, and the v1.1
 * seat fields ({@code seats_left}: seats neither taken nor held by an offer; {@code waitlist_length}).
 */
public record GameView(
        long id, String slug, String name, String type, String length, String gmId, Long systemId, Long vttId,
        String description, String restriction, String restrictionTags, int partySize, boolean partySelection,
        String xp, OffsetDateTime date, BigDecimal sessionLength, String frequency, String characters,
        Map<String, Integer> classification, List<String> ambience, String complement, String img, String status,
        Long specialEventId, List<String> playerIds, List<SessionView> sessions,
        OffsetDateTime registrationOpensAt, boolean waitlistEnabled, int waitlistOfferHours, Integer minPlayers,
        OffsetDateTime goNoGoAt,
        @Schema(description = "v1.1, read-only: seats neither taken nor held by a waitlist offer", readOnly = true)
        int seatsLeft,
        @Schema(description = "v1.1, read-only: players in the waitlist (waiting or holding an offer)",
                readOnly = true)
        int waitlistLength) {

    /** {@code {id,start,end}}. */
    public record SessionView(long id, OffsetDateTime start, OffsetDateTime end) {
    }

    /** How many are queued, and how many of them hold a seat by an offer. */
    public record Queue(int length, int offered) {
        public static final Queue NONE = new Queue(0, 0);
    }

    public static GameView of(Game g, List<String> playerIds, List<SessionView> sessions, Queue queue) {
        return new GameView(g.id, g.slug, g.name, g.type, g.length, g.gmId, g.systemId, g.vttId, g.description,
                g.restriction, g.restrictionTags, g.partySize, g.partySelection, g.xp, g.date, g.sessionLength,
                g.frequency, g.characters, g.classification, g.ambience == null ? null : List.of(g.ambience),
                g.complement, g.img, g.status, g.specialEventId, playerIds, sessions, g.registrationOpensAt,
                g.waitlistEnabled, g.waitlistOfferHours, g.minPlayers, g.goNoGoAt,
                SeatRules.seatsLeft(g.partySize, playerIds.size(), queue.offered()), queue.length());
    }
}
