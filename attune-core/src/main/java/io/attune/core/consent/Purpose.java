package io.attune.core.consent;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a consent permits (RULES.md §0). Each purpose says which channels it can be limited to (none:
 * the channel does not matter), whether a grant must name the organisation or recipient it
 * authorises, and whether it must carry an expiry.
 *
 * <ul>
 *   <li>{@code tcpa_pewc}: prior express written consent to marketing texts and automated calls
 *       (TCPA-01) — names the seller; sms or voice (no channel: both).</li>
 *   <li>{@code email_marketing}: commercial email (EMAIL-02).</li>
 *   <li>{@code collect_chd}, {@code share_chd}, {@code sell_chd}: consumer health data under WA
 *       MHMDA, NV SB 370 and CT SB 3 (STATE-02/03/05); sharing names the recipient, and a sale
 *       authorisation names the buyer and expires within a year (RCW 19.373.070).</li>
 *   <li>{@code hipaa_marketing_auth}: HIPAA marketing authorisation (USE-03) — names the recipient,
 *       with an expiry (45 CFR 164.508(c)).</li>
 *   <li>{@code part2_written_consent}: 42 CFR Part 2 written consent (SUD-01/02) — names the
 *       recipient, with an expiry (§2.31).</li>
 *   <li>{@code cookie_analytics}, {@code cookie_ads}: non-essential tags (TRK-09); web or app.</li>
 *   <li>{@code coppa_vpc}, {@code coppa_vpc_third_party}: verifiable parental consent, and the
 *       separate one for disclosure to third parties, which names them (MINOR-01).</li>
 * </ul>
 */
public enum Purpose {
    EMAIL_MARKETING(EnumSet.of(Channel.EMAIL), false, false),
    TCPA_PEWC(EnumSet.of(Channel.SMS, Channel.VOICE), true, false),
    COLLECT_CHD(EnumSet.noneOf(Channel.class), false, false),
    SHARE_CHD(EnumSet.noneOf(Channel.class), true, false),
    SELL_CHD(EnumSet.noneOf(Channel.class), true, true),
    HIPAA_MARKETING_AUTH(EnumSet.noneOf(Channel.class), true, true),
    PART2_WRITTEN_CONSENT(EnumSet.noneOf(Channel.class), true, true),
    COOKIE_ANALYTICS(EnumSet.of(Channel.WEB, Channel.APP), false, false),
    COOKIE_ADS(EnumSet.of(Channel.WEB, Channel.APP), false, false),
    COPPA_VPC(EnumSet.noneOf(Channel.class), false, false),
    COPPA_VPC_THIRD_PARTY(EnumSet.noneOf(Channel.class), true, false);

    private final Set<Channel> channels;
    private final boolean namesRecipient;
    private final boolean expires;

    Purpose(Set<Channel> channels, boolean namesRecipient, boolean expires) {
        this.channels = channels;
        this.namesRecipient = namesRecipient;
        this.expires = expires;
    }

    /** The channels a consent for this purpose may be limited to; empty when the channel does not matter. */
    public Set<Channel> channels() {
        return channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels);
    }

    /** Whether a channel may be named: any channel when the purpose has none of its own. */
    public boolean allows(Channel channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    /** Whether a grant must name the organisation or recipient it authorises. */
    public boolean namesRecipient() {
        return namesRecipient;
    }

    /** Whether a grant must say when it expires. */
    public boolean expires() {
        return expires;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Purpose> fromWireName(String name) {
        for (Purpose purpose : values()) {
            if (purpose.wireName().equals(name)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Purpose::wireName).toList();
    }
}
