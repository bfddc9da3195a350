package club.questmaster.games.poll;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Polls, their options and their answers. Writes run under the game's row lock (see PollService). */
@ApplicationScoped
public class PollRepository implements PanacheRepository<Poll> {

    public Uni<Poll> ofGame(long gameId, long pollId) {
        return find("id = ?1 and gameId = ?2", pollId, gameId).firstResult();
    }

    public Uni<List<Poll>> allOfGame(long gameId) {
        return list("gameId = ?1 order by createdAt desc, id desc", gameId);
    }

    /** Open polls whose closing time has passed become closed, so the game can take a new poll. */
    public Uni<Integer> closeExpired(long gameId) {
        return update("status = 'closed' where gameId = ?1 and status = 'open' and closesAt <= current_timestamp",
                gameId);
    }

    public Uni<Boolean> hasOpen(long gameId) {
        return count("gameId = ?1 and status = 'open'", gameId).map(n -> n > 0);
    }

    public Uni<Void> addOptions(List<PollOption> options) {
        return Panache.getSession().chain(s -> s.persistAll(options.toArray())).chain(() -> flush());
    }

    public Uni<List<PollOption>> options(long pollId) {
        return Panache.getSession().chain(s -> s.createQuery(
                "from PollOption where pollId = :poll order by startsAt, id", PollOption.class)
                .setParameter("poll", pollId)
                .getResultList());
    }

    public Uni<List<PollAnswer>> answers(long pollId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT option_id, user_id, answer FROM game_poll_answer WHERE poll_id = :poll"
                        + " ORDER BY option_id, user_id", Object[].class)
                .setParameter("poll", pollId)
                .getResultList())
                .map(rows -> {
                    List<PollAnswer> answers = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        answers.add(new PollAnswer(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
                    }
                    return answers;
                });
    }

    /** The player's answers to this poll become exactly {@code answers} (by option id). */
    public Uni<Void> replaceAnswers(long pollId, String userId, Map<Long, String> answers) {
        Uni<Integer> cleared = Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM game_poll_answer WHERE poll_id = :poll AND user_id = :user")
                .setParameter("poll", pollId)
                .setParameter("user", userId)
                .executeUpdate());
        if (answers.isEmpty()) {
            return cleared.replaceWithVoid();
        }
        // One statement for all of them (at most MAX_OPTIONS rows).
        StringBuilder sql = new StringBuilder("INSERT INTO game_poll_answer (option_id, poll_id, user_id, answer) VALUES ");
        List<Map.Entry<Long, String>> rows = List.copyOf(answers.entrySet());
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:o").append(i).append(", :poll, :user, :a").append(i).append(')');
        }
        return cleared.chain(() -> Panache.getSession().chain(s -> {
            var insert = s.createNativeQuery(sql.toString()).setParameter("poll", pollId).setParameter("user", userId);
            for (int i = 0; i < rows.size(); i++) {
                insert.setParameter("o" + i, rows.get(i).getKey()).setParameter("a" + i, rows.get(i).getValue());
            }
            return insert.executeUpdate();
        }))
                .replaceWithVoid();
    }
}
