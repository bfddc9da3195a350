package club.questmaster.games.game;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A game as the API shows it: every field of the original's model, its player ids and its sessions. */
public record GameView(
        long id, String slug, String name, String type, String length, String gmId, Long systemId, Long vttId,
        String description, String restriction, String restrictionTags, int partySize, boolean partySelection,
        String xp, OffsetDateTime date, BigDecimal sessionLength, String frequency, String characters,
        Map<String, Integer> classification, List<String> ambience, String complement, String img, String status,
        Long specialEventId, List<String> playerIds, List<SessionView> sessions) {

    /** {@code {id,start,end}}. */
    public record SessionView(long id, OffsetDateTime start, OffsetDateTime end) {
    }

    public static GameView of(Game g, List<String> playerIds, List<SessionView> sessions) {
        return new GameView(g.id, g.slug, g.name, g.type, g.length, g.gmId, g.systemId, g.vttId, g.description,
                g.restriction, g.restrictionTags, g.partySize, g.partySelection, g.xp, g.date, g.sessionLength,
                g.frequency, g.characters, g.classification, g.ambience == null ? null : List.of(g.ambience),
                g.complement, g.img, g.status, g.specialEventId, playerIds, sessions);
    }
}
