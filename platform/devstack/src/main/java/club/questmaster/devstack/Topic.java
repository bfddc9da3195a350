package club.questmaster.devstack;

import java.util.List;

/** A topic the local broker creates at start. */
public record Topic(String name, int partitions, long retentionMillis) {

    static final long THIRTY_DAYS = 30L * 24 * 3600 * 1000;

    /** The topics of the event contract (docs/asyncapi.yaml, ../shared/contract/events.md). */
    public static final List<Topic> CONTRACT = List.of(
            new Topic("questmaster.game-events", 3, THIRTY_DAYS),
            new Topic("questmaster.user-events", 3, THIRTY_DAYS),
            new Topic("questmaster.privacy-exports", 3, THIRTY_DAYS),
            new Topic("questmaster.game-events.dlq", 1, THIRTY_DAYS),
            new Topic("questmaster.user-events.dlq", 1, THIRTY_DAYS),
            new Topic("questmaster.privacy-exports.dlq", 1, THIRTY_DAYS));

    String spec() {
        return name + ":" + partitions + ":" + retentionMillis;
    }
}
