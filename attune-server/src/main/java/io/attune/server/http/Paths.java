package io.attune.server.http;

/** Which part of the server a request path belongs to; trailing slashes are ignored, as the router does. */
final class Paths {
    static final String HEALTH = "/health";
    static final String INGESTION_PREFIX = "/v1/";

    private Paths() {
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * Whether a path is served without an API key: the health check, and ingestion, which
     * authenticates with the workspace's write key instead.
     */
    static boolean isOpen(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.equals(HEALTH) || trimmed.startsWith(INGESTION_PREFIX);
    }
}
