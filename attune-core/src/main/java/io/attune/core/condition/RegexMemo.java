package io.attune.core.condition;

import com.google.re2j.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A regular expression that remembers its answers for short subjects. The texts rules match are
 * few and repeat (job titles, page paths, campaign sources), while an unanchored pattern such as a
 * title rule's {@code \b(vp|director)\b.*\b(benefits)\b} costs microseconds in RE2 each time. Long
 * texts are matched afresh and not kept; when the memory fills up it is emptied, which keeps it
 * bounded without the bookkeeping of a least-recently-used order.
 */
final class RegexMemo implements Predicate<String> {
    static final int LONGEST_KEPT = 128;
    static final int CAPACITY = 4_096;

    private final Pattern pattern;
    private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();

    RegexMemo(Pattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public boolean test(String subject) {
        if (subject.length() > LONGEST_KEPT) {
            return pattern.matcher(subject).find();
        }
        Boolean known = answers.get(subject);
        if (known != null) {
            return known;
        }
        boolean found = pattern.matcher(subject).find();
        if (answers.size() >= CAPACITY) {
            answers.clear();
        }
        answers.put(subject, found);
        return found;
    }
}
