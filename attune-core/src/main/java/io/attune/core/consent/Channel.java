package io.attune.core.consent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A way of reaching a person that a consent may be limited to. */
public enum Channel {
    EMAIL, SMS, VOICE, WEB, APP, MAIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWireName(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Channel::wireName).toList();
    }
}
