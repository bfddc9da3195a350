package club.questmaster.platform.messaging.consumer;

import club.questmaster.platform.messaging.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns a record into what a consumer applies, or refuses it with {@link PoisonRecordException} and the reason. */
@FunctionalInterface
public interface RecordReader<R> {

    R read(ConsumerRecord<String, byte[]> record);
}
