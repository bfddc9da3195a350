package club.questmaster.trophies.leaderboard;

/**
 * One rank of a board: {@code {user_id, count}} as the contract says, plus the user's display name from the users
 * projection (null while the user is unknown to this service).
 */
public record LeaderboardEntry(String userId, long count, String name) {
}
