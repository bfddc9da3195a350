package club.questmaster.trophies.holding;

/** One line of {@code GET /api/v1/users/{id}/badges}: {@code {trophy_id, name, icon, quantity}}. */
public record BadgeView(long trophyId, String name, String icon, int quantity) {
}
