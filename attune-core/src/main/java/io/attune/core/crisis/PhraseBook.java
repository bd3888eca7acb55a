package io.attune.core.crisis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The crisis phrase families as data: classes of words, inflections, spellings, and the entries
 * with their patterns (see {@link Lexicon} for the pattern syntax). The core does no I/O, so a book
 * is parsed from text the caller hands in; {@link #standard()} is the catalogue of RULES.md §14.3.
 *
 * <p>Line forms ({@code #} starts a comment line):
 * <pre>
 * forms BASE: irregular forms...          spell WORD: replacement words
 * real: words never read as misspellings  class NAME: phrase | phrase | ...
 * slot NAME: phrase | ...                 (a class whose match says whose the phrase is)
 * crisis FAMILY KEY [first-person]: pattern
 * review FAMILY|- KEY: pattern            cue KEY: pattern
 * idiom KEY: pattern                      topic KEY: pattern
 * </pre>
 * The classes {@code first}, {@code third}, {@code subject}, {@code negator}, {@code not-negating},
 * {@code sentence-negator}, {@code clause}, {@code history} and {@code current} must be defined;
 * the reading of negation, tense and person uses them.
 */
public final class PhraseBook {
    private static final List<String> REQUIRED_CLASSES = List.of(
            "first", "third", "subject", "negator", "not-negating", "sentence-negator", "clause", "history", "current");
    private static final PhraseBook STANDARD = parse(CrisisPhrases.TEXT);

    private final List<Entry> entries;
    private final Tokenizer tokenizer;
    private final Set<String> clauseWords;
    private final Reading reading;
    private final Openings openings;

    private PhraseBook(List<Entry> entries, Tokenizer tokenizer, Set<String> clauseWords, Reading reading) {
        this.entries = List.copyOf(entries);
        this.openings = Openings.of(this.entries);
        this.tokenizer = tokenizer;
        this.clauseWords = Set.copyOf(clauseWords);
        this.reading = reading;
    }

    /** The catalogue of RULES.md §14.3 as shipped. */
    public static PhraseBook standard() {
        return STANDARD;
    }

    /**
     * Parses a phrase book.
     *
     * @throws IllegalArgumentException naming the line and what is allowed there
     */
    public static PhraseBook parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        Lexicon lexicon = new Lexicon();
        Map<String, List<String>> spellings = new HashMap<>();
        // First the vocabulary every pattern relies on, wherever it is in the book.
        for (int n = 0; n < lines.length; n++) {
            Line line = Line.of(lines[n], n + 1);
            if (line == null) {
                continue;
            }
            line.run(() -> {
                switch (line.kind) {
                    case "forms":
                        lexicon.addForms(line.single(), line.words());
                        break;
                    case "real":
                        lexicon.addRealWords(line.words());
                        break;
                    case "spell":
                        spellings.put(line.single(), line.words());
                        break;
                    default:
                        break;
                }
            });
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int n = 0; n < lines.length; n++) {
            Line line = Line.of(lines[n], n + 1);
            if (line == null) {
                continue;
            }
            line.run(() -> {
                switch (line.kind) {
                    case "forms": case "real": case "spell":
                        break;
                    case "class": case "slot":
                        lexicon.defineClass(line.single(), line.phrases(), line.kind.equals("slot"));
                        break;
                    case "crisis": case "review": case "cue": case "idiom": case "topic":
                        Entry entry = line.entry(lexicon);
                        if (!keys.add(entry.key())) {
                            throw new IllegalArgumentException("the key '" + entry.key() + "' is used twice");
                        }
                        entries.add(entry);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown line kind '" + line.kind + "' (allowed: forms, "
                                + "real, spell, class, slot, crisis, review, cue, idiom, topic)");
                }
            });
        }
        for (String required : REQUIRED_CLASSES) {
            if (!lexicon.hasClass(required)) {
                throw new IllegalArgumentException("the phrase book must define class " + required);
            }
        }
        return new PhraseBook(entries, new Tokenizer(spellings), lexicon.wordsOf("clause"), new Reading(lexicon));
    }

    /** The number of entries (crisis, review, cue, idiom and topic). */
    public int size() {
        return entries.size();
    }

    List<Entry> entries() {
        return entries;
    }

    Openings openings() {
        return openings;
    }

    Reading reading() {
        return reading;
    }

    Text read(String text) {
        return new Text(tokenizer.tokenize(text), clauseWords);
    }

    /** One non-comment line: its kind, its head words before the colon, and its body after it. */
    private static final class Line {
        final String kind;
        final List<String> head;
        final String body;
        final int number;

        private Line(String kind, List<String> head, String body, int number) {
            this.kind = kind;
            this.head = head;
            this.body = body;
            this.number = number;
        }

        static Line of(String raw, int number) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                return null;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("phrase book line " + number + ": expected 'kind ...: body'");
            }
            List<String> head = Arrays.asList(line.substring(0, colon).trim().split("\\s+"));
            String body = line.substring(colon + 1).trim();
            if (body.isEmpty()) {
                throw new IllegalArgumentException("phrase book line " + number + ": nothing after the colon");
            }
            return new Line(head.get(0), head.subList(1, head.size()), body, number);
        }

        void run(Runnable action) {
            try {
                action.run();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("phrase book line " + number + ": " + e.getMessage(), e);
            }
        }

        String single() {
            if (head.size() != 1) {
                throw new IllegalArgumentException("'" + kind + "' takes one name before the colon");
            }
            return head.get(0);
        }

        List<String> words() {
            return Arrays.asList(body.toLowerCase(Locale.ROOT).split("\\s+"));
        }

        List<String> phrases() {
            return Arrays.stream(body.split("\\|")).map(String::trim).filter(phrase -> !phrase.isEmpty()).toList();
        }

        Entry entry(Lexicon lexicon) {
            Entry.Kind entryKind = Entry.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            List<String> rest = new ArrayList<>(head);
            Optional<PhraseFamily> family = Optional.empty();
            if (entryKind == Entry.Kind.CRISIS || entryKind == Entry.Kind.REVIEW) {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("'" + kind + "' needs a family and a key");
                }
                String name = rest.remove(0);
                if (!name.equals("-") || entryKind == Entry.Kind.CRISIS) {
                    family = Optional.of(PhraseFamily.fromWireName(name));
                }
                if (family.filter(f -> !f.isCrisis()).isPresent()) {
                    throw new IllegalArgumentException("substance_use phrases are cues, not " + kind + " entries");
                }
            } else if (entryKind == Entry.Kind.CUE) {
                family = Optional.of(PhraseFamily.SUBSTANCE_USE);
            }
            boolean firstPersonOnly = rest.remove("first-person");
            if (rest.size() != 1) {
                throw new IllegalArgumentException("expected one key, got " + rest);
            }
            return new Entry(entryKind, family, rest.get(0), lexicon.compile(body), firstPersonOnly);
        }
    }
}
