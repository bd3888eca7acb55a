package io.attune.core.copy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Checks marketing copy against the rules of what mental and behavioral health marketing may say
 * (RULES.md §8–11, §14): reads the text content of plain text, Markdown or HTML, finds each check's
 * phrases, sets aside claims that are negated, disclaimed or quoted as a phrase, lowers a
 * substantiable claim that cites a registered reference to {@link Severity#INFO}, and reports every
 * finding with its exact span in the source. Pure and thread-safe; the rules come from outside.
 */
public final class CopyLinter {
    /** Kept apart from the apostrophe in normalised text: it opens a quotation and nothing else. */
    static final char OPENING_SINGLE_QUOTE = '\u2018';

    private final CopyRules rules;

    public CopyLinter(CopyRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public CopyRules rules() {
        return rules;
    }

    /**
     * @param substantiations the reference ids the team has registered; a claim citing one of them as
     *     {@code [^id]} or {@code [id]} in its sentence is substantiated
     */
    public LintReport lint(String source, CopyFormat format, Set<SubstantiationId> substantiations) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(substantiations, "substantiations");
        Projection projection = format.project(source);
        String text = normalise(projection.text());
        Surroundings surroundings = new Surroundings(text);
        LineIndex lines = new LineIndex(source);
        List<Finding> findings = new ArrayList<>();
        for (Candidate candidate : strongest(candidates(text, surroundings))) {
            SourceSpan span = lines.span(projection.sourceStart(candidate.start()),
                    projection.sourceEnd(candidate.end()));
            findings.add(finding(candidate, span, surroundings, substantiations));
        }
        findings.sort(Comparator.comparingInt((Finding finding) -> finding.span().start().offset())
                .thenComparing(finding -> finding.check().value()));
        return new LintReport(findings);
    }

    /** Every match of every check that counts where it stands; a topic once, at its first mention. */
    private List<Candidate> candidates(String text, Surroundings surroundings) {
        List<Candidate> candidates = new ArrayList<>();
        for (CopyCheck check : rules.checks()) {
            if (check.unless().stream().anyMatch(phrase -> phrase.pattern().matcher(text).find())) {
                continue;
            }
            List<Candidate> found = new ArrayList<>();
            for (Phrase phrase : check.match()) {
                Matcher matcher = phrase.pattern().matcher(text);
                while (matcher.find()) {
                    if (counts(check, surroundings, matcher.start(), matcher.end())) {
                        found.add(new Candidate(check, matcher.start(), matcher.end()));
                    }
                }
            }
            if (check.kind() == CheckKind.TOPIC) {
                found.stream().min(Comparator.comparingInt(Candidate::start)).ifPresent(candidates::add);
            } else {
                candidates.addAll(found);
            }
        }
        return candidates;
    }

    private static boolean counts(CopyCheck check, Surroundings surroundings, int start, int end) {
        return switch (check.kind()) {
            case CLAIM -> !surroundings.negated(start) && !surroundings.quotedAsPhrase(start, end)
                    && !surroundings.inFootnoteDefinition(start);
            case TERM -> !surroundings.quotedAsPhrase(start, end);
            case TOPIC -> true;
        };
    }

    /**
     * Where checks of one category overlap ("guaranteed" and "guaranteed results"), the most severe
     * and then the longest match speaks for them. A topic (no 988 on a page about suicide) stands
     * beside a term on the same words.
     */
    private static List<Candidate> strongest(List<Candidate> candidates) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing((Candidate candidate) -> candidate.check().severity())
                .thenComparing(candidate -> candidate.start() - candidate.end())
                .thenComparingInt(Candidate::start));
        // Kept matches of a category never overlap one another, so the one starting last before a
        // match's end is the only one that can overlap it.
        Map<CopyCategory, TreeMap<Integer, Integer>> kept = new EnumMap<>(CopyCategory.class);
        List<Candidate> strongest = new ArrayList<>();
        for (Candidate candidate : ordered) {
            if (candidate.check().kind() == CheckKind.TOPIC) {
                strongest.add(candidate);
                continue;
            }
            TreeMap<Integer, Integer> spans = kept.computeIfAbsent(candidate.check().category(), c -> new TreeMap<>());
            Map.Entry<Integer, Integer> before = spans.lowerEntry(candidate.end());
            if (before == null || before.getValue() <= candidate.start()) {
                spans.put(candidate.start(), candidate.end());
                strongest.add(candidate);
            }
        }
        return strongest;
    }

    private static Finding finding(Candidate candidate, SourceSpan span, Surroundings surroundings,
            Set<SubstantiationId> registered) {
        CopyCheck check = candidate.check();
        Severity severity = check.severity();
        String why = check.why();
        Optional<SubstantiationId> substantiation = Optional.empty();
        if (check.substantiable()) {
            List<SubstantiationId> cited = surroundings.references(candidate.end());
            substantiation = cited.stream().filter(registered::contains).findFirst();
            if (substantiation.isPresent()) {
                severity = Severity.INFO;
                why = "Substantiated by " + substantiation.get() + ". " + why;
            } else if (!cited.isEmpty()) {
                why = why + " It cites [" + cited.get(0) + "], which is not a registered substantiation.";
            }
        }
        return new Finding(check.id(), check.rule(), check.category(), severity, span, why, check.suggestion(),
                check.source(), substantiation);
    }

    /**
     * Lower case and one spelling of each mark, character for character so that offsets carry over:
     * curly apostrophes and double quotes become straight, hyphens {@code -}, dashes {@code —}, no-break
     * spaces spaces.
     */
    static String normalise(String text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            chars[i] = switch (c) {
                case '\u2019', '\u201b', '\u2032', '`' -> '\'';
                case '\u201c', '\u201d', '\u201e', '\u2033', '\u00ab', '\u00bb' -> '"';
                case '\u2010', '\u2011', '\u2012' -> '-';
                case '\u2013', '\u2015' -> '\u2014';
                case '\u00a0', '\u2007', '\u202f' -> ' ';
                default -> c;
            };
        }
        return new String(chars);
    }

    private record Candidate(CopyCheck check, int start, int end) {
    }
}
