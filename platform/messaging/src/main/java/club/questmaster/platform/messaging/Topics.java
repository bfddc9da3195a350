package club.questmaster.platform.messaging;

/** Topic names of the event contract (docs/asyncapi.yaml). */
public final class Topics {

    public static final String GAME_EVENTS = "questmaster.game-events";
    public static final String USER_EVENTS = "questmaster.user-events";
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }
}
