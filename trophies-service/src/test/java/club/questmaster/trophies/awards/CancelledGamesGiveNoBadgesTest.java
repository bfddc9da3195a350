package club.questmaster.trophies.awards;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.GameEventData.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link ArchiveAward#givesBadges}: only an archive that asks for awards gives badges, never a cancelled game. */
class CancelledGamesGiveNoBadgesTest {

    private static GameEventData event(String status, Boolean awardTrophies) {
        return new GameEventData(UUID.randomUUID(), OffsetDateTime.now(), GameEventData.Actions.EDIT, "7", "partie-7",
                "Partie 7", "oneshot", status, "gm0000000000000000001", List.of("pl000000000000000001"), null,
                "L'annonce a été annulée.", awardTrophies, null, null, GameEventData.SCHEMA_VERSION);
    }

    @Test
    void anArchiveAskingForAwardsGivesBadges() {
        assertTrue(ArchiveAward.givesBadges(Types.ARCHIVED, event("archived", true)));
    }

    @Test
    void anArchiveWithoutAwardsGivesNone() {
        assertFalse(ArchiveAward.givesBadges(Types.ARCHIVED, event("archived", false)));
        assertFalse(ArchiveAward.givesBadges(Types.ARCHIVED, event("archived", null)));
    }

    @Test
    void aCancelledGameGivesNoneEvenWhenItsEventAsksForAwards() {
        assertFalse(ArchiveAward.givesBadges(Types.CANCELLED, event("cancelled", true)));
        assertFalse(ArchiveAward.givesBadges(Types.ARCHIVED, event("cancelled", true)));
    }
}
