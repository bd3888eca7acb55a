package io.attune.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable table = new RouteTable();

    RouteTableTest() {
        add(HandlerType.BEFORE, "*");
        add(HandlerType.GET, "/api/leads");
        add(HandlerType.GET, "/api/leads/{id}");
        add(HandlerType.GET, "/api/leads/{id}/transitions");
        add(HandlerType.POST, "/v1/batch");
    }

    private void add(HandlerType type, String path) {
        table.add(new HandlerMetaInfo(type, path, ctx -> { }, Set.of()));
    }

    @Test
    void a_path_with_an_id_reads_as_its_template() {
        assertThat(table.templateOf("/api/leads/ld_0123456789abcdef01234567")).contains("/api/leads/{id}");
        assertThat(table.templateOf("/api/leads/ld_1/transitions/")).contains("/api/leads/{id}/transitions");
    }

    @Test
    void unknown_paths_have_no_template_so_they_cannot_create_series() {
        assertThat(table.templateOf("/api/leads/a/b/c")).isEmpty();
        assertThat(table.templateOf("/wp-admin")).isEmpty();
    }

    @Test
    void only_http_endpoints_are_routes_and_get_implies_head() {
        assertThat(table.routes()).extracting(RouteTable.Route::method).doesNotContain("BEFORE");
        assertThat(table.methodsFor("/api/leads")).containsExactly("GET", "HEAD");
        assertThat(table.methodsFor("/v1/batch")).containsExactly("POST");
    }
}
