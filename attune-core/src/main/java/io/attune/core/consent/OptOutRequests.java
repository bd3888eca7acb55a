package io.attune.core.consent;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a request to stop marketing in an inbound text message or email reply (TCPA-04: "any
 * reasonable means"; EMAIL-02). Two rules, and nothing else counts:
 *
 * <ol>
 *   <li><b>Keyword reply.</b> The whole message, ignoring case, punctuation, emoji and courtesy words
 *       (please, pls, thanks, ok, now, hi…), is made only of opt-out keywords — {@code stop},
 *       {@code stop all}, {@code stopall}, {@code quit}, {@code end}, {@code revoke}, {@code opt out},
 *       {@code optout}, {@code cancel}, {@code unsubscribe}, {@code unsub}, {@code remove}, optionally
 *       with {@code all} or {@code me}: "STOP", "Stop!!", "pls stop", "UNSUB", "cancel all",
 *       "opt-out please".</li>
 *   <li><b>Clear request.</b> The message contains a request about being contacted: "stop
 *       texting/messaging/sending/calling/contacting/emailing" (not after don't, can't, never…),
 *       "don't/do not/never text/call/message/email/contact me", "no more texts/messages/calls/emails",
 *       "remove me", "take me off", "unsubscribe me", "opt me out", "I want to unsubscribe/opt out",
 *       "wrong number", "delete/remove/lose my number".</li>
 * </ol>
 *
 * A keyword inside an ordinary sentence is not a request: "I can't stop crying", "the end of the
 * week works", "cancel my Tuesday appointment", "don't stop texting me" revoke nothing. An email
 * reply is judged on its subject (the keyword rule, after any {@code Re:}/{@code Fwd:}) and on what
 * the person wrote above the quoted message: a quoted footer's "unsubscribe" link is not theirs.
 * Anything the rules miss is still revocable through the API.
 */
public final class OptOutRequests {
    private static final Set<String> KEYWORDS = Set.of("stop", "stopall", "quit", "end", "revoke", "optout",
            "cancel", "unsubscribe", "unsub", "remove");
    private static final Set<String> KEYWORD_COMPANIONS = Set.of("all", "me");
    private static final Set<String> COURTESY = Set.of("please", "pls", "plz", "pleas", "thanks", "thank", "you",
            "thx", "ty", "ok", "okay", "now", "asap", "hi", "hello", "hey", "sorry");
    private static final List<Pattern> REQUESTS = List.of(
            Pattern.compile("(?<!\\b(dont|do not|cant|cannot|couldnt|wont|never|not|didnt|wouldnt) )"
                    + "\\b(stop|quit|cease) (texting|txting|messaging|sending|calling|contacting|emailing|mailing)\\b"),
            Pattern.compile("\\b(dont|do not|never) (text|txt|sms|message|call|phone|email|contact) "
                    + "(me|this number)\\b"),
            Pattern.compile("\\bno more (texts|txts|text messages|messages|msgs|calls|emails|mails)\\b"),
            Pattern.compile("\\b(remove me|take me off|unsubscribe me|opt me out)\\b"),
            Pattern.compile("\\b(i want to|i wanna|id like to|i would like to|i need to) "
                    + "(unsubscribe|unsub|opt out)\\b"),
            Pattern.compile("\\bwrong (number|person)\\b"),
            Pattern.compile("\\b(delete|remove|lose) (my|this) (number|phone number|email|email address)\\b"));
    private static final Pattern QUOTE_START = Pattern.compile("(?m)^([ \\t]*>|[ \\t]*on .+ wrote:[ \\t]*$"
            + "|[ \\t]*-+ ?original message ?-+|[ \\t]*_{5,}|[ \\t]*from: |-- ?$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_PREFIX = Pattern.compile("^((re|fw|fwd|aw|sv)\\s*:\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private OptOutRequests() {
    }

    /** Whether an inbound text message asks to stop. */
    public static boolean inText(String message) {
        String words = words(message);
        return isKeywordReply(words) || isRequest(words);
    }

    /** Whether an email reply asks to stop, by its subject or by what was written above the quoted message. */
    public static boolean inEmail(String subject, String body) {
        if (subject != null && isKeywordReply(words(SUBJECT_PREFIX.matcher(subject.strip()).replaceFirst("")))) {
            return true;
        }
        return body != null && inText(replyPart(body));
    }

    /** The part of an email body the sender wrote: everything above the first quoted line or quote header. */
    public static String replyPart(String body) {
        var quote = QUOTE_START.matcher(body);
        return quote.find() ? body.substring(0, quote.start()) : body;
    }

    private static boolean isKeywordReply(String words) {
        if (words.isEmpty()) {
            return false;
        }
        boolean keyword = false;
        for (String word : words.replace("opt out", "optout").replace("stop all", "stopall").split(" ")) {
            if (KEYWORDS.contains(word)) {
                keyword = true;
            } else if (!KEYWORD_COMPANIONS.contains(word) && !COURTESY.contains(word)) {
                return false;
            }
        }
        return keyword;
    }

    private static boolean isRequest(String words) {
        for (Pattern request : REQUESTS) {
            if (request.matcher(words).find()) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, apostrophes dropped ("don't" → "dont"), everything but letters and digits a single space. */
    static String words(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "").replace("`", "");
        return lower.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
