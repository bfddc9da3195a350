package club.questmaster.games.poll;

/** One player's answer to one option: {@code yes}, {@code maybe} or {@code no}. */
public record PollAnswer(long optionId, String userId, String answer) {
}
