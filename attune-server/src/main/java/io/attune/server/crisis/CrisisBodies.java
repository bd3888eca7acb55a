package io.attune.server.crisis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.attune.core.crisis.CrisisResources;
import io.attune.core.crisis.PhraseFamily;
import io.attune.core.lead.CrisisRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Crisis screening as the API shows it: never the text that was screened, only what it came to. */
public final class CrisisBodies {
    private CrisisBodies() {
    }

    /** The resources to show at once (CRISIS-02): 911 first, then the 988 Lifeline and the Crisis Text Line. */
    public record Resources(String text, String emergency, String lifeline, String lifelineChat,
            TextLine crisisTextLine) {
        public static Resources of(CrisisResources resources) {
            return new Resources(resources.text(), resources.emergencyNumber(), resources.lifelineNumber(),
                    resources.lifelineChat(), new TextLine(resources.textLineKeyword(), resources.textLineNumber()));
        }
    }

    /** Text {@code keyword} to {@code number}. */
    public record TextLine(String keyword, String number) {
    }

    /** What the ingestion response adds when a message of the request was crisis language. */
    public record IngestCrisis(List<Integer> messages, Resources resources) {
        public IngestCrisis {
            messages = List.copyOf(messages);
        }
    }

    /** One text a person should read, by when and where it came. */
    public record ReviewBody(Instant at, String source, boolean lowPriority, List<String> reasons) {
    }

    /**
     * The lead's crisis state: {@code held} with {@code since}, the phrase families found, whether
     * every match was about someone else, whether 911 comes first, the resources while held; and the
     * review flags either way.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeadCrisis(boolean held, Instant since, String heldFrom, List<String> families, Boolean thirdPerson,
            Boolean emergencyFirst, Resources resources, List<ReviewBody> reviews) {

        public static LeadCrisis of(CrisisRecord crisis, CrisisResources resources) {
            List<ReviewBody> reviews = crisis.reviews().stream().map(flag -> new ReviewBody(flag.at(), flag.source(),
                    flag.lowPriority(), flag.reasons().stream().sorted().toList())).toList();
            if (!crisis.held()) {
                return new LeadCrisis(false, null, null, null, null, null, null, reviews);
            }
            List<String> families = Arrays.stream(PhraseFamily.values()).filter(crisis.families()::contains)
                    .map(PhraseFamily::wireName).toList();
            return new LeadCrisis(true, crisis.heldSince().get(), crisis.heldFrom().get().wireName(), families,
                    crisis.thirdPersonOnly(), crisis.emergencyFirst(), Resources.of(resources), reviews);
        }
    }
}
