package io.attune.core.consent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the person gave or withdrew consent: a web form (a box they ticked and submitted), an
 * electronic signature, a signed paper form, by voice, by replying to a text or an email, by a key
 * pressed on a call, or carried over from an import of earlier records.
 */
public enum CaptureMethod {
    WEB_FORM, E_SIGNATURE, WRITTEN, VERBAL, SMS_REPLY, EMAIL_REPLY, PHONE_KEYPRESS, IMPORT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaptureMethod> fromWireName(String name) {
        for (CaptureMethod method : values()) {
            if (method.wireName().equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(CaptureMethod::wireName).toList();
    }
}
