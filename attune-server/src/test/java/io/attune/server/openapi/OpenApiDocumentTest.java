package io.attune.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.attune.server.http.HttpApp;
import io.attune.server.support.ApiFixture;
import io.attune.server.support.OpenApiDocument;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    private static final Set<String> INGESTION = Set.of("POST /v1/identify", "POST /v1/track", "POST /v1/page",
            "POST /v1/screen", "POST /v1/group", "POST /v1/alias", "POST /v1/batch", "POST /v1/import");

    private final OpenApiDocument document = new OpenApiDocument();
    private final HttpApp app = new ApiFixture().app(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    private Set<String> registered() {
        return app.routes().stream().map(route -> route.method() + " " + route.path())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_registered_route_is_documented() {
        assertThat(document.operations()).containsAll(registered());
    }

    @Test
    void every_documented_route_is_registered() {
        assertThat(registered()).containsAll(document.operations());
    }

    @Test
    void ingestion_is_mounted_on_the_same_server() {
        assertThat(registered()).containsAll(INGESTION);
    }

    @Test
    void the_document_is_openapi_3_1_and_every_reference_resolves() {
        assertThat(document.root().path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.unresolvedReferences()).isEmpty();
    }

    @Test
    void only_health_and_ingestion_are_open_without_an_api_key() {
        Set<String> open = new TreeSet<>();
        document.root().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode security = op.getValue().get("security");
            boolean apiKey = security == null || security.toString().contains("apiKey");
            if (!apiKey) {
                open.add(path.getKey());
            }
        }));
        assertThat(open).allMatch(path -> path.equals("/health") || path.startsWith("/v1/"));
        assertThat(document.root().at("/paths/~1health/get/security").size()).isZero();
    }

    @Test
    void ingestion_documents_its_rejections_including_429_with_retry_after() {
        for (String operation : INGESTION) {
            String path = operation.substring("POST ".length());
            JsonNode responses = document.root().path("paths").path(path).path("post").path("responses");
            assertThat(responses.fieldNames()).toIterable().contains("200", "400", "401", "413", "429");
        }
        assertThat(document.root().at("/components/responses/TooManyRequests/headers/Retry-After").isMissingNode())
                .isFalse();
    }
}
