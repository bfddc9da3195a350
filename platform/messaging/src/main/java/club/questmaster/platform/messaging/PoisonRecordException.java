package club.questmaster.platform.messaging;

/** A record no retry can make readable: it goes to the dead-letter topic with this reason, and consumption goes on. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason, null, false, false);
    }
}
