package io.attune.server.http;

/**
 * Describes an exception for the log by class and throw site only. Messages are left out because
 * they may quote request data (an email, a trait value); class and frame are enough to find the bug.
 */
final class Failures {
    private static final int MAX_CAUSES = 5;

    private Failures() {
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++, current = current.getCause()) {
            if (depth > 0) {
                text.append(" caused by ");
            }
            text.append(current.getClass().getName());
            StackTraceElement[] frames = current.getStackTrace();
            if (frames.length > 0) {
                text.append(" at ").append(frames[0]);
            }
        }
        return text.toString();
    }
}
