package club.questmaster.games.poll;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A poll as the API shows it: the counts of each option for everyone allowed to see it, the caller's own answers,
 * and the individual answers for the gm and admins only ({@code answers} is absent for players).
 */
public record PollView(long id, String status, OffsetDateTime closesAt, OffsetDateTime createdAt,
        Long pickedOptionId, Long sessionId, List<OptionView> options, Map<String, String> myAnswers,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AnswerView> answers) {

    public record OptionView(long id, OffsetDateTime start, OffsetDateTime end, int yes, int maybe, int no) {
    }

    public record AnswerView(String userId, long optionId, String answer) {
    }
}
