package org.loyalty.kit.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a rejected record to the service's dead-letter topic ({@code <service>.dlq}, the
 * topic of the {@value #CHANNEL} channel): the original key, value and
 * headers, plus headers saying why and where it came from (the same header names SmallRye's
 * own dead-letter strategy uses, so existing tooling reads both).
 */
@ApplicationScoped
public class DeadLetterPublisher {

    /** The outgoing channel each service points at its {@code <service>.dlq} topic. */
    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has the dead letter. */
    public Uni<Void> publish(KafkaRecord<String, byte[]> record, RejectedRecordException reason) {
        // Record coordinates only: the payload may hold personal data and stays out of the log.
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.getTopic(), record.getPartition(), offset, reason.getMessage());
        RecordHeaders headers = new RecordHeaders(record.getHeaders().toArray());
        headers.add("dead-letter-reason", utf8(reason.getMessage()));
        headers.add("dead-letter-category", utf8(reason.category()));
        headers.add("dead-letter-topic", utf8(record.getTopic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.getPartition())));
        headers.add("dead-letter-offset", utf8(Long.toString(offset)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        byte[] value = record.getPayload() == null ? new byte[0] : record.getPayload();
        return emitter.sendMessage(Message.of(value).addMetadata(metadata));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
