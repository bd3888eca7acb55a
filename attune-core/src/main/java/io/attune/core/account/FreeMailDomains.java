package io.attune.core.account;

import java.util.Locale;
import java.util.Set;

/** Consumer mailbox providers: an address there says nothing about the person's employer. */
public final class FreeMailDomains {
    private static final Set<String> DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "hotmail.com", "outlook.com", "live.com",
            "msn.com", "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me",
            "gmx.com", "gmx.net", "mail.com", "zoho.com", "yandex.com", "comcast.net", "verizon.net",
            "att.net", "sbcglobal.net", "bellsouth.net", "cox.net", "charter.net", "earthlink.net",
            "fastmail.com", "hey.com", "tutanota.com", "duck.com", "mailinator.com", "guerrillamail.com",
            "10minutemail.com", "tempmail.com", "yopmail.com");

    private FreeMailDomains() {
    }

    public static boolean contains(String domain) {
        return DOMAINS.contains(domain.toLowerCase(Locale.ROOT));
    }
}
