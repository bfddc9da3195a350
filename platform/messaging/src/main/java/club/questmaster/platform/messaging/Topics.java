package club.questmaster.platform.messaging;

/** Topic names of the event contract (docs/asyncapi.yaml). */
public final class Topics {

    public static final String GAME_EVENTS = "questmaster.game-events";
    public static final String USER_EVENTS = "questmaster.user-events";
    /** v1.1: one {@link PrivacyExportData} record per service and export request; key = the export id. */
    public static final String PRIVACY_EXPORTS = "questmaster.privacy-exports";
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }
}
