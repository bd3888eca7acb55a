package io.attune.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.server.support.ApiFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests no well-behaved client would send, written on a raw socket because the JDK client refuses
 * to send them. Each must be answered with a problem, never a 500, an HTML page, or silence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsIT {
    private final ApiFixture fixture = new ApiFixture();
    private final ApiFixture.Running running = fixture.start();

    @AfterAll
    void stop() {
        running.close();
    }

    /** The raw response: status line, headers and body. */
    private String send(String target) {
        try (Socket socket = new Socket("127.0.0.1", running.app().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + fixture.acme.readKey() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_query_parameter_that_does_not_decode_is_refused_not_dropped() {
        String response = send("/api/leads?stage=%zz");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"name\":\"stage\"", "percent-encoding");
        assertThat(send("/api/leads?%zz=1")).startsWith("HTTP/1.1 400").contains("\"name\":\"query\"");
    }

    @Test
    void control_characters_in_a_value_are_refused() {
        assertThat(send("/api/leads?identity=u-pat%00")).startsWith("HTTP/1.1 400").contains("control characters");
    }

    @Test
    void a_path_that_does_not_decode_is_a_problem_too() {
        String response = send("/api/leads/%zz");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"status\":400").doesNotContain("<html");
    }

    @Test
    void an_over_long_uri_is_a_problem() {
        String response = send("/api/leads?limit=" + "9".repeat(9_000));
        assertThat(response).startsWith("HTTP/1.1 414").contains("application/problem+json").doesNotContain("<html");
    }

    @Test
    void an_encoded_model_version_decodes_as_its_path_parameter() {
        assertThat(send("/api/models/employer-test%401")).startsWith("HTTP/1.1 200");
    }
}
