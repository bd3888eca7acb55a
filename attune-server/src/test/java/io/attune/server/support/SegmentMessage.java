package io.attune.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Segment message of user {@code pat-1}, as the tests that ingest over {@code /v1/batch} send it. */
public record SegmentMessage(Map<String, Object> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message of {@code type} whose {@code attributes} (traits or properties) are {@code values}. */
    public static SegmentMessage event(String type, String messageId, Instant at, String attributes,
            Map<String, Object> values) {
        Map<String, Object> message = new HashMap<>();
        message.put("type", type);
        message.put("messageId", messageId);
        message.put("userId", "pat-1");
        message.put("timestamp", at.toString());
        message.put(attributes, values);
        return new SegmentMessage(message);
    }

    /**
     * The {@code events} (type and attributes, without ids or times) as messages of {@code userId}, a
     * minute apart from {@code start}, with the message ids {@code userId-0}, {@code userId-1}, …
     */
    public static List<SegmentMessage> journey(String userId, List<Map<String, Object>> events, Instant start) {
        List<SegmentMessage> messages = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> message = new HashMap<>(events.get(i));
            message.put("messageId", userId + "-" + i);
            message.put("userId", userId);
            message.put("timestamp", start.plusSeconds(60L * i).toString());
            messages.add(new SegmentMessage(message));
        }
        return messages;
    }

    public SegmentMessage with(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Sends the messages as one batch under {@code writeKey} and checks that it was accepted. */
    public static ApiClient.Reply batch(ApiClient client, String writeKey, List<SegmentMessage> messages) {
        List<Map<String, Object>> batch = new ArrayList<>();
        messages.forEach(message -> batch.add(message.fields()));
        String basic = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("batch", batch));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
        ApiClient.Reply reply = client.send("POST", "/v1/batch", Map.of("Authorization", "Basic " + basic,
                "Content-Type", "application/json"), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
