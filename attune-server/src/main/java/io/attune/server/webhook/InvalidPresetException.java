package io.attune.server.webhook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A preset file that cannot be used, with every problem found: each names the file and the key
 * (such as {@code properties.Rating.bands[1].atLeast}) and says what is allowed there.
 */
public final class InvalidPresetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One problem: the key path within the file ({@code ""} for the whole file) and what is wrong. */
    public record Problem(String key, String message) {
    }

    private final String file;
    private final List<Problem> problems;

    public InvalidPresetException(String file, List<Problem> problems) {
        super(describe(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String file, List<Problem> problems) {
        return problems.stream()
                .map(problem -> file + (problem.key().isEmpty() ? "" : ": " + problem.key()) + ": " + problem.message())
                .collect(Collectors.joining("\n"));
    }
}
