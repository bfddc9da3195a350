package club.questmaster.trophies.holding;

/**
 * The answer of the admin award endpoints: what the user now holds of that trophy. {@code quantity} 0 means the
 * row is gone (a decrement from 1).
 */
public record HoldingView(String userId, long trophyId, String name, String icon, boolean unique, int quantity) {
}
