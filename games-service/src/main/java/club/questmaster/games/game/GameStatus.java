package club.questmaster.games.game;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.Arrays;
import java.util.Set;

/**
 * The game state machine (contract §3, §7): draft → open/closed (publish), open ⇄ closed, open/closed → archived,
 * open/closed → cancelled (by the gm, or at go/no-go when short of players), draft → deleted. Archived and cancelled
 * are terminal. Every other move is refused with 409 INVALID_TRANSITION (the original had no guard at all:
 * docs/original-rules.md#quirks).
 */
public enum GameStatus {
    // A cancelled game is listed among the finished ones, with the archived (rank 3).
    DRAFT("draft", 0), OPEN("open", 1), CLOSED("closed", 2), ARCHIVED("archived", 3), CANCELLED("cancelled", 3);

    /** What the list filter accepts. */
    public static final Set<String> VALUES = Set.of("draft", "open", "closed", "archived", "cancelled");

    private final String value;
    private final int rank;

    GameStatus(String value, int rank) {
        this.value = value;
        this.rank = rank;
    }

    public String value() {
        return value;
    }

    /**
     * The original's list order: draft 0, open 1, closed 2, archived 3 (docs/original-rules.md#list-order); a
     * cancelled game ranks with the archived.
     */
    public int rank() {
        return rank;
    }

    /** Archived and cancelled games are read-only: no edit, no session change, no seat. */
    public boolean finished() {
        return this == ARCHIVED || this == CANCELLED;
    }

    public static GameStatus of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown status " + value));
    }

    /**
     * The named moves of the state machine and the states each may start from; anything else is 409
     * INVALID_TRANSITION (publish answers ALREADY_PUBLISHED instead, as the original did).
     */
    public enum Transition {
        PUBLISH(OPEN, DRAFT), PUBLISH_SILENT(CLOSED, DRAFT), CLOSE(CLOSED, OPEN), REOPEN(OPEN, CLOSED),
        ARCHIVE(ARCHIVED, OPEN, CLOSED), CANCEL(CANCELLED, OPEN, CLOSED), DELETE(null, DRAFT);

        private final GameStatus target;
        private final Set<GameStatus> from;

        Transition(GameStatus target, GameStatus... from) {
            this.target = target;
            this.from = Set.of(from);
        }

        /** @return the target state; refuses with 409 INVALID_TRANSITION when {@code current} cannot move so */
        public GameStatus from(GameStatus current) {
            if (!from.contains(current)) {
                String verb = switch (this) {
                    case PUBLISH, PUBLISH_SILENT -> "published";
                    case CLOSE -> "closed";
                    case REOPEN -> "reopened";
                    case ARCHIVE -> "archived";
                    case CANCEL -> "cancelled";
                    case DELETE -> "deleted (only drafts are)";
                };
                throw new ApiException(ErrorCode.INVALID_TRANSITION,
                        "A game that is " + current.value + " cannot be " + verb + ".");
            }
            return target;
        }
    }
}
