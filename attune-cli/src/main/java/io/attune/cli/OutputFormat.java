package io.attune.cli;

/**
 * What a command prints: a text summary or one JSON document. Picocli refuses any other value and
 * lists these constants, so they are spelled as a user types them.
 */
enum OutputFormat {
    text,
    json
}
