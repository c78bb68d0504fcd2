package org.loyalty.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What every consumer accepts as a CloudEvent, and the reason it gives for what it rejects. */
class CloudEventReaderTest {

    private final CloudEventReader reader = new CloudEventReader(new ObjectMapper());

    @Test
    void aStructuredEventGivesItsAttributesAndData() {
        CloudEvent event = structured("""
                {"specversion":"1.0","id":"e-1","type":"purchase.completed","source":"checkout","time":"2026-12-06T10:00:00Z",
                 "extension":{"nested":[1,2,{"deep":true}]},"subject":"C-1","datacontenttype":"application/json",
                 "data":{"orderId":"O-1","lines":[{"sku":"MUG-01","quantity":1}],"value":{"amount":"25.00"}}}""");

        assertEquals("e-1", event.id());
        assertEquals("purchase.completed", event.type());
        assertEquals("checkout", event.source());
        assertEquals("C-1", event.subject());
        assertEquals("O-1", event.data().get("orderId").asText());
        assertEquals("MUG-01", event.data().get("lines").get(0).get("sku").asText());
        assertEquals("25.00", event.data().get("value").get("amount").asText());
    }

    @Test
    void attributesMayComeInAnyOrderAndSomeMayBeAbsent() {
        CloudEvent event = structured("""
                {"data":{"customerId":"C-2"},"type":"customer.registered","id":"e-2","specversion":"1.0"}""");

        assertEquals("e-2", event.id());
        assertEquals("customer.registered", event.type());
        assertNull(event.source());
        assertNull(event.subject());
        assertEquals("C-2", event.data().get("customerId").asText());
    }

    @Test
    void aRepeatedAttributeCountsWithItsLastValueAndANumberWithItsText() {
        CloudEvent event = structured("""
                {"specversion":"1.0","id":"first","type":"purchase.completed","data":{"orderId":"O-old"},
                 "id":42,"data":{"orderId":"O-new"}}""");

        assertEquals("42", event.id());
        assertEquals("O-new", event.data().get("orderId").asText());
    }

    @Test
    void aBinaryModeEventTakesItsAttributesFromHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("e-3"));
        headers.add("ce_type", bytes("purchase.refunded"));
        headers.add("ce_source", bytes("checkout"));

        CloudEvent event = reader.read(headers, bytes("{\"refundId\":\"R-1\"}"));

        assertEquals("e-3", event.id());
        assertEquals("purchase.refunded", event.type());
        assertEquals("checkout", event.source());
        assertEquals("R-1", event.data().get("refundId").asText());
    }

    @Test
    void whatIsNotJsonIsRejectedAsSuch() {
        assertRejected("not_json", "empty record value", "");
        assertRejected("not_json", "value is not JSON", "{\"specversion\":\"1.0\",\"id\":");
        assertRejected("not_json", "value is not JSON", "\u00ff\u00fe not json");
        assertRejected("not_json", "value is not JSON", "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"t\",\"data\":{},\"time\":}");
        // An encoded surrogate (ED A0 80) is not UTF-8, also in an attribute nobody reads.
        assertRejected("not_json", "Invalid UTF-8", "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"t\",\"data\":{},"
                + "\"extension\":{\"deep\":[\"\u00ed\u00a0\u0080\"]}}");
    }

    @Test
    void jsonThatIsNotACloudEventIsRejectedWithTheMissingAttribute() {
        assertRejected("not_cloudevent", "no specversion attribute", "[1,2,3]");
        assertRejected("not_cloudevent", "no specversion attribute", "{\"id\":\"e-4\",\"type\":\"purchase.completed\",\"data\":{}}");
        assertRejected("not_cloudevent", "no specversion attribute", "{\"specversion\":null,\"id\":\"e-4\",\"data\":{}}");
        assertRejected("not_cloudevent", "unsupported CloudEvents specversion '0.3'",
                "{\"specversion\":\"0.3\",\"id\":\"e-4\",\"type\":\"purchase.completed\",\"data\":{}}");
        assertRejected("not_cloudevent", "missing CloudEvent attribute 'id'",
                "{\"specversion\":\"1.0\",\"id\":\" \",\"type\":\"purchase.completed\",\"data\":{}}");
        assertRejected("not_cloudevent", "missing CloudEvent attribute 'type'", "{\"specversion\":\"1.0\",\"id\":\"e-4\",\"data\":{}}");
    }

    @Test
    void dataMustBeAJsonObject() {
        assertRejected("invalid", "'data' must be a JSON object", "{\"specversion\":\"1.0\",\"id\":\"e-5\",\"type\":\"purchase.completed\"}");
        assertRejected("invalid", "'data' must be a JSON object",
                "{\"specversion\":\"1.0\",\"id\":\"e-5\",\"type\":\"purchase.completed\",\"data\":[1]}");
        assertRejected("invalid", "'data' must be a JSON object",
                "{\"specversion\":\"1.0\",\"id\":\"e-5\",\"type\":\"purchase.completed\",\"data\":\"{}\"}");
    }

    private CloudEvent structured(String json) {
        return reader.read(new RecordHeaders(), bytes(json));
    }

    private void assertRejected(String category, String reasonPart, String value) {
        RejectedRecordException rejected = assertThrows(RejectedRecordException.class,
                () -> reader.read(new RecordHeaders(), value.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(category, rejected.category(), rejected.getMessage());
        assertTrue(rejected.getMessage().contains(reasonPart), () -> "reason '" + rejected.getMessage() + "' does not say '" + reasonPart + "'");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
