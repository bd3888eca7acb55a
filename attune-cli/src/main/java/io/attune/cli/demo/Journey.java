package io.attune.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one person's messages in the shape Segment's analytics.js and mobile SDKs send them:
 * sessions on a device, page views with their referrer and campaign, tracks on the current page,
 * identify, group and alias calls. Time only moves forward; a journey that would run past the
 * end of the demo window stops there, as real journeys are caught mid-way.
 */
final class Journey {
    /** One message as sent, and when it happened. */
    record Message(Instant at, String json) {
    }

    /** A browser or app install: its anonymous id and the context its SDK adds to every message. */
    record Device(String anonymousId, Map<String, Object> context) {
    }

    private final Dice dice;
    private final Instant end;
    private final List<Message> messages = new ArrayList<>();
    private Device device;
    private String userId;
    private Instant clock;
    private boolean stopped;
    private Map<String, Object> page = Map.of();
    private String lastUrl = "";
    private Arrival pendingArrival;

    Journey(Dice dice, Instant start, Instant end) {
        this.dice = dice;
        this.clock = start;
        this.end = end;
        this.device = webDevice();
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    Device device() {
        return device;
    }

    Device webDevice() {
        return new Device(dice.uuid(), Json.object(
                "library", Json.object("name", "analytics.js", "version", "next-1.76.0"),
                "locale", dice.chance(0.9) ? "en-US" : "es-US",
                "userAgent", dice.pick(UserAgents.WEB)));
    }

    Device appDevice() {
        boolean ios = dice.chance(0.6);
        return new Device(dice.uuid(), Json.object(
                "app", Json.object("name", Site.NAME, "version", "4.12.0", "build", "4120"),
                "device", Json.object("type", ios ? "ios" : "android", "model", ios ? "iPhone15,3" : "Pixel 8"),
                "os", Json.object("name", ios ? "iOS" : "Android", "version", ios ? "17.5.1" : "14"),
                "library", Json.object("name", ios ? "analytics-swift" : "analytics-kotlin", "version", "1.5.11"),
                "locale", "en-US"));
    }

    /** Switches to another device, where the person is anonymous until they sign in there. */
    void use(Device other) {
        this.device = other;
        this.userId = null;
        this.page = Map.of();
        this.lastUrl = "";
    }

    /** From now on messages from this device carry {@code user} as their user id. */
    void signIn(String user) {
        this.userId = user;
    }

    void pause(Duration pause) {
        clock = clock.plus(pause);
    }

    /** Begins a session after {@code gap}; its first page view carries {@code arrival}'s referrer and campaign. */
    void session(Duration gap, Arrival arrival) {
        pause(gap);
        pendingArrival = arrival;
        page(arrival.landingPath());
    }

    /** A page view a little after the previous step. */
    void page(String path) {
        Arrival arrival = pendingArrival;
        pendingArrival = null;
        if (arrival == null) {
            pause(dice.seconds(15, 150));
        }
        String search = arrival == null ? "" : arrival.search();
        String referrer = arrival == null ? lastUrl : arrival.referrer();
        String url = Site.url(path, search);
        Map<String, Object> properties = Json.object(
                "path", path,
                "referrer", referrer.isEmpty() ? null : referrer,
                "search", search,
                "title", Site.title(path),
                "url", url);
        page = properties;
        lastUrl = url;
        Map<String, Object> context = context();
        if (arrival != null && !arrival.campaign().isEmpty()) {
            context.put("campaign", arrival.campaign());
        }
        emit(Json.object("type", "page", "properties", properties), context);
    }

    void track(String event, Map<String, Object> properties) {
        pause(dice.seconds(5, 90));
        emit(Json.object("type", "track", "event", event, "properties", properties), context());
    }

    void screen(String name) {
        pause(dice.seconds(5, 60));
        emit(Json.object("type", "screen", "name", name, "properties", Map.of()), context());
    }

    void identify(Map<String, Object> traits) {
        pause(dice.seconds(2, 20));
        emit(Json.object("type", "identify", "traits", traits), context());
    }

    void group(String groupId, Map<String, Object> traits) {
        pause(dice.seconds(1, 5));
        emit(Json.object("type", "group", "groupId", groupId, "traits", traits), context());
    }

    /** Tells Attune that {@code previousId} and the current user id are one person. */
    void alias(String previousId) {
        pause(dice.seconds(1, 5));
        emit(Json.object("type", "alias", "previousId", previousId), context());
    }

    private Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>(device.context());
        if (!page.isEmpty()) {
            context.put("page", page);
        }
        return context;
    }

    private void emit(Map<String, Object> body, Map<String, Object> context) {
        if (stopped || clock.isAfter(end)) {
            stopped = true;
            return;
        }
        Instant at = clock.truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", body.remove("type"));
        message.put("messageId", dice.uuid());
        message.put("anonymousId", device.anonymousId());
        if (userId != null) {
            message.put("userId", userId);
        }
        message.put("timestamp", Json.timestamp(at));
        message.putAll(body);
        message.put("context", context);
        messages.add(new Message(at, Json.write(message)));
    }
}
