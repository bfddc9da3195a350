package club.questmaster.platform.messaging;

/**
 * An event's data that carries its {@code schema_version}, so that {@link IncomingEvent.Reader} binds it from the
 * bytes in one pass and checks the version on the result. 0 when the field is absent (refused: versions start at 1).
 */
public interface VersionedData {

    int schemaVersion();
}
