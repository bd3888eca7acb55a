package io.attune.server.http;

import io.javalin.config.RoutesConfig;

/**
 * A set of routes added to the app when it is created; Javalin 7 takes every route up front. The
 * REST resources are groups, and so is anything else mounted on the same server (ingestion).
 */
@FunctionalInterface
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
