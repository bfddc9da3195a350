package club.questmaster.games.poll;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameStatus;
import club.questmaster.games.poll.PollRequests.Span;
import club.questmaster.games.session.SessionRules;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.Problem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of availability polls (contract §7), pure: 2-20 candidate sessions each valid as a session, answers
 * yes/maybe/no to the poll's own options, answers only while the poll is open, polls only on published games that
 * still change.
 */
public final class PollRules {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 20;
    public static final Set<String> ANSWERS = Set.of("yes", "maybe", "no");

    static final String OPEN = "open";
    static final String PICKED = "picked";
    static final String CLOSED = "closed";

    private PollRules() {
    }

    /** A poll is proposed on a published game that can still change: not a draft, not archived or cancelled. */
    public static void checkGameTakesPolls(Game game) {
        GameStatus status = game.status();
        if (status == GameStatus.DRAFT) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "Impossible de proposer un sondage sur un brouillon. Publiez d'abord l'annonce.");
        }
        if (status != GameStatus.OPEN && status != GameStatus.CLOSED) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "Une annonce " + status.value() + " ne change plus : pas de sondage.");
        }
    }

    /** Each option a valid session span (start before end, at most 24 h), no option twice, closes_at ahead. */
    public static void checkProposal(List<Span> options, OffsetDateTime closesAt, OffsetDateTime now) {
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            throw ApiException.invalid("options", "must hold " + MIN_OPTIONS + " to " + MAX_OPTIONS + " candidate sessions");
        }
        Set<List<Long>> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            Span span = options.get(i);
            if (!SessionRules.validSpan(span.start(), span.end())) {
                throw ApiException.invalid("options[" + i + "].end", "must be after start and at most 24 hours later");
            }
            if (!seen.add(List.of(span.start().toEpochSecond(), span.end().toEpochSecond()))) {
                throw ApiException.invalid("options[" + i + "]", "the same candidate session is proposed twice");
            }
        }
        if (closesAt != null && !closesAt.isAfter(now)) {
            throw ApiException.invalid("closes_at", "must be in the future");
        }
    }

    /** What a stored poll reads as now: an open poll past its {@code closes_at} is closed. */
    public static String status(Poll poll, OffsetDateTime now) {
        if (OPEN.equals(poll.status) && poll.closesAt != null && !now.isBefore(poll.closesAt)) {
            return CLOSED;
        }
        return poll.status;
    }

    public static void checkOpen(Poll poll, OffsetDateTime now) {
        if (!OPEN.equals(status(poll, now))) {
            throw new ApiException(ErrorCode.POLL_CLOSED, "Ce sondage est clos.");
        }
    }

    /**
     * The body of {@code PUT …/answers/me} checked against the poll's options: keys are option ids of this poll,
     * values yes/maybe/no. Returns the answers by option id.
     */
    public static Map<Long, String> answers(Map<String, String> body, Set<Long> optionIds) {
        Map<Long, String> answers = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        body.forEach((key, value) -> {
            Long optionId = parseId(key);
            if (optionId == null || !optionIds.contains(optionId)) {
                errors.add(new Problem.FieldError("answers." + key, "not an option of this poll"));
            } else if (value == null || !ANSWERS.contains(value)) {
                errors.add(new Problem.FieldError("answers." + key, "must be yes, maybe or no"));
            } else {
                answers.put(optionId, value);
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Réponses invalides.", errors, null);
        }
        return answers;
    }

    private static Long parseId(String key) {
        if (key == null || key.isEmpty() || key.length() > 18 || !key.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(key);
    }
}
