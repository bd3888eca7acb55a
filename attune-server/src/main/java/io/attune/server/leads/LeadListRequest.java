package io.attune.server.leads;

import io.attune.core.account.AccountId;
import io.attune.core.event.EventHeader;
import io.attune.core.lifecycle.Stage;
import io.attune.core.model.Segment;
import io.attune.core.query.LeadFilter;
import io.attune.server.http.PageRequest;
import io.attune.server.http.QueryParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /api/leads}: either an identity look-up, or filters with a page. Parsing
 * collects every invalid parameter and answers them together.
 */
record LeadListRequest(Optional<String> identity, LeadFilter filter, PageRequest page) {
    static final String IDENTITY = "identity";
    static final String STAGE = "stage";
    static final String SEGMENT = "segment";
    static final String MIN_SCORE = "minScore";
    static final String MAX_SCORE = "maxScore";
    static final String UPDATED_SINCE = "updatedSince";
    static final String ACCOUNT = "account";
    private static final List<String> FILTERS = List.of(STAGE, SEGMENT, MIN_SCORE, MAX_SCORE, UPDATED_SINCE, ACCOUNT);

    static List<String> parameters() {
        List<String> all = new ArrayList<>(FILTERS);
        all.add(IDENTITY);
        all.addAll(PageRequest.PARAMETERS);
        return all;
    }

    static LeadListRequest parse(QueryParams params) {
        Optional<String> identity = params.text(IDENTITY, EventHeader.MAX_ID_LENGTH);
        Optional<Stage> stage = params.choice(STAGE, Stage::fromWireName, "one of " + names(Stage.values()));
        Optional<Segment> segment = segment(params);
        OptionalDouble min = params.number(MIN_SCORE);
        OptionalDouble max = params.number(MAX_SCORE);
        if (min.isPresent() && max.isPresent() && max.getAsDouble() < min.getAsDouble()) {
            params.invalid(MAX_SCORE, "must not be less than minScore");
        }
        Optional<Instant> updatedSince = params.instant(UPDATED_SINCE);
        Optional<String> account = params.text(ACCOUNT, 64);
        if (account.isPresent() && !AccountId.isValid(account.get())) {
            params.invalid(ACCOUNT, "must be an account id: ac_ and 24 hex digits");
            account = Optional.empty();
        }
        PageRequest page = PageRequest.from(params);
        if (params.has(IDENTITY)) {
            List<String> combined = new ArrayList<>(FILTERS);
            combined.add(PageRequest.CURSOR);
            combined.removeIf(name -> !params.has(name));
            if (!combined.isEmpty()) {
                params.invalid(IDENTITY, "looks up one lead and cannot be combined with " + String.join(", ", combined));
            }
        }
        params.throwIfInvalid();
        return new LeadListRequest(identity, new LeadFilter(stage, segment, min, max, updatedSince, account), page);
    }

    static Optional<Segment> segment(QueryParams params) {
        return params.choice(SEGMENT, text -> Arrays.stream(Segment.values())
                .filter(s -> s.wireName().equals(text)).findFirst(), "one of " + names(Segment.values()));
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
