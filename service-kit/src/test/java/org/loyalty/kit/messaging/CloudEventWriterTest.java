package org.loyalty.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a service publishes: a structured CloudEvent with the contract's attributes, read back as consumers read it. */
class CloudEventWriterTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final CloudEventWriter writer = new CloudEventWriter(mapper, "points-service");

    @Test
    void anEventCarriesItsAttributesAndDataAndReadsBack() throws Exception {
        ObjectNode data = writer.newData().put("customerId", "C-1").put("points", 12).put("note", "quote \" and ünïcode");
        data.putObject("value").put("amount", "25.00").put("currency", "EUR");
        OutboxEvent event = writer.event("loyalty.points", "points.earned", "C-1", Instant.parse("2026-12-04T10:15:30.120Z"), data);

        assertEquals("loyalty.points", event.topic());
        assertEquals("C-1", event.key());
        JsonNode envelope = mapper.readTree(event.payload());
        List<String> attributes = new ArrayList<>();
        envelope.fieldNames().forEachRemaining(attributes::add);
        assertEquals(List.of("specversion", "id", "type", "source", "time", "subject", "datacontenttype", "data"), attributes);
        assertEquals("1.0", envelope.get("specversion").asText());
        assertEquals(7, UUID.fromString(envelope.get("id").asText()).version());
        assertEquals("points.earned", envelope.get("type").asText());
        assertEquals("points-service", envelope.get("source").asText());
        assertEquals("2026-12-04T10:15:30.120Z", envelope.get("time").asText());
        assertEquals("C-1", envelope.get("subject").asText());
        assertEquals("application/json", envelope.get("datacontenttype").asText());
        assertEquals(data, envelope.get("data"));

        CloudEvent read = new CloudEventReader(mapper).read(new RecordHeaders(), event.payload());
        assertEquals(new CloudEvent(envelope.get("id").asText(), "points.earned", "points-service", "C-1", data), read);
    }

    @Test
    void everyEventHasItsOwnId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            OutboxEvent event = writer.event("loyalty.points", "points.earned", "C-1", Instant.EPOCH, writer.newData());
            ids.add(mapper.readTree(event.payload()).get("id").asText());
        }
        assertEquals(1_000, ids.size());
    }
}
