package io.attune.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.server.http.Problem.InvalidParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
    private static QueryParams params(Map<String, List<String>> values) {
        return new QueryParams(values, List.of("n", "t", "when", "flag", "limit"));
    }

    private static List<InvalidParam> problems(QueryParams params) {
        try {
            params.throwIfInvalid();
            return List.of();
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            return e.problem().invalidParams();
        }
    }

    @Test
    void every_invalid_parameter_is_named_at_once() {
        QueryParams params = params(Map.of("n", List.of("abc"), "when", List.of("yesterday"),
                "limit", List.of("0"), "bogus", List.of("1")));
        params.number("n");
        params.instant("when");
        params.integer("limit", 1, 500, 50);
        assertThat(problems(params)).extracting(InvalidParam::name)
                .containsExactlyInAnyOrder("n", "when", "limit", "bogus");
    }

    @Test
    void numbers_are_plain_decimals_without_exponents_or_java_suffixes() {
        for (String bad : List.of("1e3", "NaN", "Infinity", "1d", "0x10", " ", "1.2.3")) {
            QueryParams params = params(Map.of("n", List.of(bad)));
            assertThat(params.number("n")).as(bad).isEmpty();
            assertThat(problems(params)).as(bad).hasSize(1);
        }
        assertThat(params(Map.of("n", List.of("-12.5"))).number("n").getAsDouble()).isEqualTo(-12.5);
    }

    @Test
    void instants_take_any_offset_and_read_as_utc() {
        assertThat(params(Map.of("when", List.of("2026-01-05T10:00:00+01:00"))).instant("when"))
                .contains(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Test
    void a_repeated_parameter_is_a_problem_not_a_silent_choice() {
        QueryParams params = params(Map.of("t", List.of("a", "b")));
        assertThat(params.text("t", 10)).isEmpty();
        assertThat(problems(params)).containsExactly(new InvalidParam("t", "give this parameter once"));
    }

    @Test
    void reasons_never_quote_the_value_given() {
        QueryParams params = params(Map.of("flag", List.of("pat@example.com")));
        params.bool("flag");
        assertThat(problems(params)).singleElement().satisfies(p -> assertThat(p.reason()).doesNotContain("pat"));
    }

    @Test
    void absent_parameters_take_their_default_and_are_no_problem() {
        QueryParams params = params(Map.of());
        assertThat(params.integer("limit", 1, 500, 50)).isEqualTo(50);
        assertThat(params.bool("flag")).isEqualTo(Optional.empty());
        assertThat(problems(params)).isEmpty();
    }

    @Test
    void the_problem_is_rfc_9457_invalid_params() {
        QueryParams params = params(Map.of("limit", List.of("501")));
        params.integer("limit", 1, 500, 50);
        assertThatThrownBy(params::throwIfInvalid).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().type()).isEqualTo("urn:attune:problem:invalid-params");
            assertThat(e.problem().detail()).contains("limit");
        });
    }

    @Test
    void the_raw_query_is_decoded_strictly_and_undecodable_parts_are_named() {
        QueryParams params = QueryParams.parse("t=a%20b&n=%zz&%zz=1&flag", List.of("t", "n", "flag"));
        assertThat(params.text("t", 10)).contains("a b");
        assertThat(params.text("flag", 10)).isEmpty();
        assertThat(problems(params)).extracting(InvalidParam::name).containsExactlyInAnyOrder("n", "query", "flag");
    }

    @Test
    void an_endpoint_without_parameters_says_so() {
        QueryParams params = QueryParams.parse("x=1", List.of());
        assertThat(problems(params)).containsExactly(new InvalidParam("x", "unknown parameter; this endpoint takes none"));
    }
}
