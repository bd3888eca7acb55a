package io.attune.server.http;

import io.attune.server.http.Problem.InvalidParam;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates query parameters, collecting every problem instead of stopping at the first,
 * so a caller fixes a request in one go (Javalin's {@code Validator} style). Unknown and repeated
 * parameters are problems too: a mistyped filter must not silently return everything. The raw query
 * is decoded here rather than by the servlet container, which drops a parameter it cannot decode
 * instead of refusing it. Reasons say what is expected and never quote the value, which may be an
 * email address.
 */
public final class QueryParams {
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    private final Map<String, List<String>> values;
    private final List<InvalidParam> invalid = new ArrayList<>();

    public QueryParams(Map<String, List<String>> values, Collection<String> allowed) {
        this.values = Map.copyOf(values);
        TreeSet<String> known = new TreeSet<>(allowed);
        for (String name : new TreeSet<>(values.keySet())) {
            if (!known.contains(name)) {
                invalid(name, known.isEmpty() ? "unknown parameter; this endpoint takes none"
                        : "unknown parameter; this endpoint takes " + String.join(", ", known));
            }
        }
    }

    public static QueryParams of(Context ctx, Collection<String> allowed) {
        return parse(ctx.queryString(), allowed);
    }

    /** Reads a raw (still percent-encoded) query string; a part that does not decode is a problem. */
    public static QueryParams parse(String rawQuery, Collection<String> allowed) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> undecodable = new ArrayList<>();
        for (String part : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String rawName = equals < 0 ? part : part.substring(0, equals);
            String rawValue = equals < 0 ? "" : part.substring(equals + 1);
            String name = decode(rawName);
            String value = decode(rawValue);
            if (name == null || value == null) {
                undecodable.add(name == null ? "query" : name);
            } else {
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        QueryParams params = new QueryParams(values, allowed);
        undecodable.forEach(name -> params.invalid(name, "is not valid percent-encoding"));
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The parameter's one value; absent, repeated (a problem) and over-long (a problem) give empty. */
    public Optional<String> text(String name, int maxLength) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1) {
            invalid(name, "give this parameter once");
            return Optional.empty();
        }
        if (given.get(0).chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            invalid(name, "must not contain control characters");
            return Optional.empty();
        }
        String value = given.get(0).trim();
        if (value.isEmpty()) {
            invalid(name, "must not be empty");
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            invalid(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A value from a closed set, e.g. a stage; {@code expected} describes the set for the caller. */
    public <T> Optional<T> choice(String name, Function<String, Optional<T>> parse, String expected) {
        Optional<String> text = text(name, 100);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> value = parse.apply(text.get());
        if (value.isEmpty()) {
            invalid(name, "must be " + expected);
        }
        return value;
    }

    /** A plain decimal number such as {@code 50} or {@code 12.5}; no exponents, NaN or infinities. */
    public OptionalDouble number(String name) {
        Optional<String> text = text(name, 30);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!DECIMAL.matcher(text.get()).matches()) {
            invalid(name, "must be a decimal number such as 50 or 12.5");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(text.get()));
    }

    /** A whole number within [min, max], or {@code otherwise} when absent or invalid. */
    public int integer(String name, int min, int max, int otherwise) {
        Optional<String> text = text(name, 12);
        if (text.isEmpty()) {
            return otherwise;
        }
        if (!WHOLE.matcher(text.get()).matches()) {
            invalid(name, "must be a whole number from " + min + " to " + max);
            return otherwise;
        }
        int value = Integer.parseInt(text.get());
        if (value < min || value > max) {
            invalid(name, "must be a whole number from " + min + " to " + max);
            return otherwise;
        }
        return value;
    }

    /** An ISO-8601 instant with an offset, e.g. {@code 2026-01-05T09:00:00Z}. */
    public Optional<Instant> instant(String name) {
        Optional<String> text = text(name, 40);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            invalid(name, "must be an ISO-8601 instant such as 2026-01-05T09:00:00Z");
            return Optional.empty();
        }
    }

    public Optional<Boolean> bool(String name) {
        return choice(name, text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        }, "true or false");
    }

    public void invalid(String name, String reason) {
        invalid.add(new InvalidParam(name, reason));
    }

    /** Ends the request with a 400 problem naming every invalid parameter, if there is any. */
    public void throwIfInvalid() {
        if (!invalid.isEmpty()) {
            throw new ProblemException(Problem.invalidParams(invalid));
        }
    }
}
