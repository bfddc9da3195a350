package club.questmaster.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the pages read from the services, field for field as the contract names them (snake_case on the wire, by the
 * application's Jackson naming strategy). Unknown fields are ignored, so a service adding one never breaks a page.
 */
public final class Dtos {

    private Dtos() {
    }

    /** {@code {items, total, page, per_page, pages}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, long total, int page, int perPage, int pages) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String name, String username, String avatar, List<String> roles,
            boolean isPlayer, boolean isGm, boolean isAdmin, OffsetDateTime notPlayerAsOf, boolean banned,
            OffsetDateTime createdAt, List<String> permissions) {
        public String displayName() {
            return name == null || name.isBlank() ? username : name;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GameSession(long id, OffsetDateTime start, OffsetDateTime end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Game(long id, String slug, String name, String type, String length, String gmId, Long systemId,
            Long vttId, String description, String restriction, String restrictionTags, int partySize,
            boolean partySelection, String xp, OffsetDateTime date, BigDecimal sessionLength, String frequency,
            String characters, Map<String, Integer> classification, List<String> ambience, String complement,
            String img, String status, Long specialEventId, List<String> playerIds, List<GameSession> sessions,
            // v1.1 (§7): absent from a v1 games-service, hence boxed
            Integer seatsLeft, Integer waitlistLength, Boolean waitlistEnabled, OffsetDateTime registrationOpensAt,
            Integer minPlayers) {

        /**
         * Whether a player can join the queue (contract §7): a full game, open or closed, with its waitlist on and no
         * party selection. In Java rather than in the template: Qute mis-evaluates a parenthesised group between two
         * {@code &&} operands.
         */
        public boolean offersWaitlist() {
            return Boolean.TRUE.equals(waitlistEnabled) && !partySelection
                    && ("open".equals(status) || "closed".equals(status)) && seatsLeftNow() == 0;
        }

        public List<String> players() {
            return playerIds == null ? List.of() : playerIds;
        }

        /** The service's count when it gives one (it knows about held waitlist offers), else party size - players. */
        public int seatsLeftNow() {
            return seatsLeft != null ? seatsLeft : Math.max(0, partySize - players().size());
        }

        /** restriction_tags, free text split on commas (questmaster.md §3). */
        public List<String> tags() {
            return restrictionTags == null ? List.of() : java.util.Arrays.stream(restrictionTags.split(","))
                    .map(String::strip).filter(t -> !t.isEmpty()).toList();
        }

        public boolean hasPlayer(String userId) {
            return userId != null && players().contains(userId);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(long id, String name, String icon, String emoji, Integer color, Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Badge(long trophyId, String name, String icon, int quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trophy(long id, String name, boolean unique, String icon) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rank(String userId, long count) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Leaderboards(List<Rank> oneshotPlayers, List<Rank> campaignPlayers, List<Rank> oneshotGms,
            List<Rank> campaignGms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CalendarEvent(long id, String title, OffsetDateTime start, OffsetDateTime end, String color,
            String type, String gameSlug) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stats(int year, int month, Period period, Counts counts,
            Map<String, Map<String, GameCount>> oneshotGames, Map<String, Map<String, GameCount>> campaignGames,
            List<GmCount> gmLeaderboard) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Period(OffsetDateTime start, OffsetDateTime end) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Counts(long oneshot, long campaign, long total) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record GameCount(String name, String gm, long count) {
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record GmCount(String name, long count) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditEvent(long id, String eventId, OffsetDateTime timestamp, String action, Long gameId,
            String gameSlug, String description, String userId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaitlistEntry(String userId, int position, String status, OffsetDateTime offeredUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PollOption(long id, OffsetDateTime start, OffsetDateTime end, int yes, int maybe, int no) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Poll(long id, String status, OffsetDateTime closesAt, OffsetDateTime createdAt, Long pickedOptionId,
            List<PollOption> options, Map<String, String> myAnswers) {
        public boolean open() {
            return "open".equals(status);
        }

        /** The caller's answer to that option: yes, maybe, no, or null. */
        public String myAnswer(long optionId) {
            return myAnswers == null ? null : myAnswers.get(Long.toString(optionId));
        }
    }
}
