package io.attune.server.http;

import io.javalin.event.HandlerMetaInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP routes the app registered, as Javalin reported them. It names the route template of a
 * path (metrics are kept per template, never per raw path, so ids do not explode the series) and the
 * methods a path allows (the {@code Allow} header of a 405).
 */
public final class RouteTable {
    /** One registered endpoint: an HTTP method and a path template such as {@code /api/leads/{id}}. */
    public record Route(String method, String path) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void add(HandlerMetaInfo handler) {
        if (handler.getHttpMethod().isHttpMethod()) {
            routes.add(new Route(handler.getHttpMethod().name(), handler.getPath()));
        }
    }

    public List<Route> routes() {
        return Collections.unmodifiableList(new ArrayList<>(routes));
    }

    /** The template of the first route whose path matches, whatever its method. */
    public Optional<String> templateOf(String path) {
        List<String> segments = segments(path);
        return routes.stream().map(Route::path).filter(template -> matches(segments(template), segments)).findFirst();
    }

    /** The methods registered for a path, plus HEAD wherever GET is (Javalin answers HEAD for GET routes). */
    public Set<String> methodsFor(String path) {
        List<String> segments = segments(path);
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (matches(segments(route.path()), segments)) {
                methods.add(route.method());
                if (route.method().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return methods;
    }

    private static boolean matches(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            boolean parameter = part.startsWith("{") && part.endsWith("}") || part.startsWith("<") && part.endsWith(">");
            if (!parameter && !part.equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
