package club.questmaster.games.poll;

import club.questmaster.games.poll.PollView.AnswerView;
import club.questmaster.games.poll.PollView.OptionView;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A poll as the API shows it, from its rows (pure). */
final class PollViews {

    private PollViews() {
    }

    static PollView of(Poll poll, List<PollOption> options, List<PollAnswer> answers, String callerId,
            boolean manager, OffsetDateTime now) {
        List<OptionView> counted = options.stream().map(o -> {
            int yes = 0;
            int maybe = 0;
            int no = 0;
            for (PollAnswer a : answers) {
                if (a.optionId() == o.id) {
                    switch (a.answer()) {
                        case "yes" -> yes++;
                        case "maybe" -> maybe++;
                        default -> no++;
                    }
                }
            }
            return new OptionView(o.id, o.startsAt, o.endsAt, yes, maybe, no);
        }).toList();
        Map<String, String> mine = new LinkedHashMap<>();
        answers.stream().filter(a -> a.userId().equals(callerId))
                .forEach(a -> mine.put(Long.toString(a.optionId()), a.answer()));
        List<AnswerView> all = manager
                ? answers.stream().map(a -> new AnswerView(a.userId(), a.optionId(), a.answer())).toList()
                : null;
        return new PollView(poll.id, PollRules.status(poll, now), poll.closesAt, poll.createdAt, poll.pickedOptionId,
                poll.sessionId, counted, mine, all);
    }
}
