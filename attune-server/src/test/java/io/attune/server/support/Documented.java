package io.attune.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.server.support.ApiClient.Reply;

/** Asserts that a response is what the OpenAPI document says this operation answers. */
public final class Documented {
    private static final OpenApiDocument DOCUMENT = new OpenApiDocument();

    private Documented() {
    }

    public static Reply as(Reply reply, String method, String pathTemplate) {
        assertThat(DOCUMENT.violations(method, pathTemplate, reply.status(), reply.json()))
                .as("%s %s answered %s: %s", method, pathTemplate, reply.status(), reply.body())
                .isEmpty();
        return reply;
    }

    /** A problem response: the problem media type, the documented Problem shape, and this status and type. */
    public static Reply problem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:attune:problem:" + type);
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("requestId").asText()).isEqualTo(reply.header("X-Request-Id").orElseThrow());
        assertThat(DOCUMENT.violations("Problem", reply.json())).isEmpty();
        return reply;
    }
}
