package club.questmaster.games.game;

/** Why a game is closed: only an automatic close is undone when a seat frees up. */
public enum ClosedReason {
    MANUAL("manual"), AUTO("auto");

    private final String value;

    ClosedReason(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
