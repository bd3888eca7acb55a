package io.attune.core.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The health-term dictionary of RULES.md §14.4 (TRK-04, TRK-06, USE-08): service lines, conditions,
 * levels of care, medications, provider specialties and care-seeking steps, with the substance-use
 * terms (42 CFR Part 2) told apart from the general ones. A workspace adds its own terms — provider
 * and program names above all — with {@link #with}.
 *
 * <p>Matching is by whole words of {@link Tokens} (lower-cased, split at punctuation and camel-case
 * humps, percent-decoded), each allowing a plural ending, and multi-word terms must appear as
 * consecutive words: "therapy" is found in {@code /therapy-for-anxiety} and {@code PaidWeeklyTherapy},
 * "mental health" in {@code mental-health-tips}, but "rehab" is not found in "prehab" or "rehabbed".
 * Compounds such as "psychotherapy" are listed as their own terms for that reason.
 */
public final class HealthTerms {
    private static final List<String> GENERAL = List.of(
            // service lines and specialties
            "therapy", "therapist", "psychotherapy", "psychotherapist", "teletherapy", "counseling", "counselling",
            "counselor", "counsellor", "psychiatry", "psychiatric", "psychiatrist", "telepsychiatry", "psychologist",
            "psychology", "psychological", "mental health", "mental illness", "mental", "behavioral health",
            "behavioural health", "telehealth", "telemedicine", "clinician", "lcsw", "lpc", "lmft", "lmhc", "pmhnp",
            "cbt", "dbt", "emdr", "neurofeedback", "ketamine",
            // conditions and symptoms
            "depression", "depressed", "depressive", "anxiety", "anxious", "panic", "ptsd", "cptsd", "trauma",
            "traumatic", "ocd", "bipolar", "schizophrenia", "schizoaffective", "psychosis", "psychotic",
            "eating disorder", "anorexia", "bulimia", "binge eating", "arfid", "adhd", "autism", "autistic",
            "suicide", "suicidal", "self harm", "selfharm", "grief", "bereavement", "postpartum", "perinatal",
            "insomnia", "phobia", "agoraphobia", "dementia", "alzheimer", "alzheimers", "personality disorder", "bpd",
            "disorder", "illness", "diagnosis", "diagnosed", "symptom", "abuse", "crisis", "lgbtq",
            // levels of care and care-seeking steps
            "treatment", "patient", "inpatient", "outpatient", "residential", "iop", "php", "intensive outpatient",
            "partial hospitalization", "hospitalization", "intake", "admission", "insurance verification",
            "verify insurance", "verification of benefits", "vob",
            // medications
            "medication", "med management", "prescription", "rx", "drug", "antidepressant", "antipsychotic",
            "ssri", "snri", "sertraline", "zoloft", "fluoxetine", "prozac", "escitalopram", "lexapro", "citalopram",
            "celexa", "paroxetine", "paxil", "bupropion", "wellbutrin", "venlafaxine", "effexor", "duloxetine",
            "cymbalta", "trazodone", "mirtazapine", "lithium", "lamotrigine", "lamictal", "quetiapine", "seroquel",
            "aripiprazole", "abilify", "risperidone", "risperdal", "olanzapine", "zyprexa", "adderall", "ritalin",
            "vyvanse", "methylphenidate", "xanax", "alprazolam", "ativan", "lorazepam", "klonopin", "clonazepam",
            "valium", "diazepam", "ambien", "spravato", "esketamine");

    private static final List<String> SUBSTANCE_USE = List.of(
            "addiction", "addicted", "addict", "substance use", "substance abuse", "substance use disorder", "sud",
            "alcohol", "alcoholism", "alcoholic", "alcoholics anonymous", "narcotics anonymous", "12 step",
            "opioid", "opiate", "fentanyl", "heroin", "meth", "methamphetamine", "cocaine", "benzodiazepine",
            "benzo", "kratom", "overdose", "detox", "detoxification", "rehab", "sober", "sobriety", "sober living",
            "recovery residence", "recovery home", "recovery center", "drug abuse", "drug addiction", "drug use",
            "drug rehab", "drug treatment", "mat", "moud", "buprenorphine", "suboxone", "subutex", "methadone",
            "naltrexone", "vivitrol", "naloxone", "narcan", "sublocade");

    private static final HealthTerms DEFAULTS = new HealthTerms(List.of()).adding(GENERAL, TermClass.HEALTH)
            .adding(SUBSTANCE_USE, TermClass.SUBSTANCE_USE);

    private record Term(List<String> words, TermClass termClass) {
    }

    /** Terms by their first word. */
    private final Map<String, List<Term>> byFirstWord;
    private final List<Term> terms;

    private HealthTerms(List<Term> terms) {
        this.terms = List.copyOf(terms);
        Map<String, List<Term>> index = new HashMap<>();
        for (Term term : this.terms) {
            index.computeIfAbsent(term.words().get(0), w -> new ArrayList<>()).add(term);
        }
        this.byFirstWord = Map.copyOf(index);
    }

    /** The §14.4 dictionary. */
    public static HealthTerms defaults() {
        return DEFAULTS;
    }

    /**
     * These terms and a workspace's own: {@code general} health terms (provider names, program names,
     * specialties) and {@code substanceUse} terms. A term is one or more words; blank terms are refused.
     */
    public HealthTerms with(Collection<String> general, Collection<String> substanceUse) {
        return adding(general, TermClass.HEALTH).adding(substanceUse, TermClass.SUBSTANCE_USE);
    }

    private HealthTerms adding(Collection<String> texts, TermClass termClass) {
        List<Term> more = new ArrayList<>(terms);
        for (String text : texts) {
            List<String> words = Tokens.of(Objects.requireNonNull(text, "term"));
            if (words.isEmpty()) {
                throw new IllegalArgumentException("a health term needs at least one letter or digit");
            }
            more.add(new Term(words, termClass));
        }
        return new HealthTerms(more);
    }

    /** The strongest class of term in {@code text}: substance use over health over none. */
    public TermClass classify(String text) {
        return classifyWords(Tokens.of(text));
    }

    /** Whether {@code text} contains any health or substance-use term. */
    public boolean mentionsHealth(String text) {
        return classify(text).isHealth();
    }

    /** The terms found in {@code text}, as their words joined by spaces: for lints and review, never for logs. */
    public Set<String> matches(String text) {
        Set<String> found = new LinkedHashSet<>();
        List<String> words = Tokens.of(text);
        for (int i = 0; i < words.size(); i++) {
            for (Term term : termsAt(words, i)) {
                found.add(String.join(" ", term.words()));
            }
        }
        return found;
    }

    TermClass classifyWords(List<String> words) {
        TermClass strongest = TermClass.NONE;
        for (int i = 0; i < words.size() && strongest != TermClass.SUBSTANCE_USE; i++) {
            for (Term term : termsAt(words, i)) {
                strongest = strongest.and(term.termClass());
            }
        }
        return strongest;
    }

    private List<Term> termsAt(List<String> words, int start) {
        List<Term> found = new ArrayList<>(1);
        for (String candidate : Tokens.singulars(words.get(start))) {
            for (Term term : byFirstWord.getOrDefault(candidate, List.of())) {
                if (start + term.words().size() <= words.size() && Tokens.phraseAt(words, start, term.words())
                        && !found.contains(term)) {
                    found.add(term);
                }
            }
        }
        return found;
    }
}
