package io.attune.core.crisis;

import io.attune.core.crisis.Lexicon.Word;
import io.attune.core.crisis.PhrasePattern.Lit;
import io.attune.core.crisis.PhrasePattern.WordTest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which entries of a phrase book may begin a match at a token, looked up by the token's word. A
 * pattern can only match where one of its first words does, so the detector tries each pattern at
 * those tokens alone rather than at every token of every text: most screened text (page names,
 * product choices, short answers) then costs a few look-ups instead of hundreds of pattern tries.
 * The answer is exactly what the first words' own tests would give — their forms, the g-dropped
 * spelling, one typing slip, numbers and years — it is only reached through maps.
 */
final class Openings {
    private final int entries;
    private final BitSet anywhere = new BitSet();
    private final Map<String, BitSet> byForm = new HashMap<>();
    private final Map<Character, List<Slip>> slipsByInitial = new HashMap<>();
    private final List<Tested> tested = new ArrayList<>();

    private Openings(List<Entry> entries) {
        this.entries = entries.size();
        Map<Word, BitSet> byWord = new IdentityHashMap<>();
        Map<WordTest, BitSet> byTest = new IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Optional<List<Lit>> openings = entries.get(i).pattern().openings();
            if (openings.isEmpty()) {
                anywhere.set(i);
                continue;
            }
            for (Lit lit : openings.get()) {
                if (lit instanceof Word word) {
                    byWord.computeIfAbsent(word, w -> new BitSet()).set(i);
                } else if (lit instanceof WordTest test) {
                    byTest.computeIfAbsent(test, t -> new BitSet()).set(i);
                } else {
                    throw new IllegalStateException("a clause end consumes no token, so it opens nothing");
                }
            }
        }
        byWord.forEach((word, bits) -> {
            for (String form : word.forms()) {
                byForm.computeIfAbsent(form, f -> new BitSet()).or(bits);
            }
            for (String form : word.fuzzyForms()) {
                slipsByInitial.computeIfAbsent(form.charAt(0), c -> new ArrayList<>()).add(new Slip(word, form, bits));
            }
        });
        byTest.forEach((test, bits) -> tested.add(new Tested(test, bits)));
    }

    static Openings of(List<Entry> entries) {
        return new Openings(entries);
    }

    /** For each entry, the token positions of {@code text} at which a match of it may begin. */
    BitSet[] startsIn(Text text) {
        BitSet[] starts = new BitSet[entries];
        for (int i = 0; i < entries; i++) {
            starts[i] = new BitSet();
        }
        Map<String, BitSet> seen = new HashMap<>();
        for (int position = 0; position < text.size(); position++) {
            BitSet may = seen.computeIfAbsent(text.word(position), this::entriesOpenedBy);
            for (int i = may.nextSetBit(0); i >= 0; i = may.nextSetBit(i + 1)) {
                starts[i].set(position);
            }
        }
        for (int i = anywhere.nextSetBit(0); i >= 0; i = anywhere.nextSetBit(i + 1)) {
            starts[i].set(0, text.size());
        }
        return starts;
    }

    /** The entries one of whose first words accepts {@code word}. */
    private BitSet entriesOpenedBy(String word) {
        BitSet found = new BitSet();
        for (String key : Word.exactKeys(word)) {
            BitSet bits = byForm.get(key);
            if (bits != null) {
                found.or(bits);
            }
        }
        if (!word.isEmpty()) {
            for (Slip slip : slipsByInitial.getOrDefault(word.charAt(0), List.of())) {
                if (slip.word().maySlip(word) && Word.isSlipFor(word, slip.form())) {
                    found.or(slip.entries());
                }
            }
        }
        for (Tested test : tested) {
            if (test.test().accepts().test(word)) {
                found.or(test.entries());
            }
        }
        return found;
    }

    private record Slip(Word word, String form, BitSet entries) {
    }

    private record Tested(WordTest test, BitSet entries) {
    }
}
