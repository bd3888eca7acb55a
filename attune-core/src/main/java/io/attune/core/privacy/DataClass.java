package io.attune.core.privacy;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of data an attribute or event property holds, for deciding where it may go. Every
 * property has exactly one class, given by the {@link DataDictionary}; a property that could be two
 * things is given the stricter.
 */
public enum DataClass {
    /** Links data to a person or device: user, anonymous, lead, device and advertising ids, IP, cookie ids,
     *  hashed email or phone (hashing is not anonymisation), full user agent, precise geolocation. */
    IDENTIFIER,
    /** Reaches a person: name, email, phone, postal address. */
    CONTACT,
    /** Health information: conditions, symptoms, treatment, insurance, intake answers, patient status. */
    HEALTH,
    /** Substance-use information, walled off under 42 CFR Part 2 (SUD-01). */
    SUBSTANCE_USE,
    /** Age and what reveals a minor: age, age band, birth date, school grade, parent or guardian. */
    MINOR,
    /** Religion, sexual orientation, gender identity, sex, race, ethnicity, immigration status, political
     *  views, union membership: never a feature and never exported (USE-10). */
    SENSITIVE,
    /** Coarse place: state, city, zip, country, time zone. */
    LOCATION,
    /** A person's work: title, company, company size, industry, company website. */
    BUSINESS_CONTACT,
    /** Software and device facts: library, locale, OS, browser family, screen, app version. */
    TECHNICAL,
    /** Page context: URL, path, title, referrer, search term, campaign (UTM) values — generalised before
     *  it leaves for a destination that may not receive health data (TRK-04). */
    PAGE,
    /** Advertising click ids (gclid, fbclid, msclkid, ttclid, li_fat_id…). */
    CLICK_ID,
    /** What Attune concluded about a lead: stage, score, grade, reasons. An inference — consumer health
     *  data when the lead is a consumer. */
    SCORE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DataClass> fromWireName(String name) {
        for (DataClass dataClass : values()) {
            if (dataClass.wireName().equals(name)) {
                return Optional.of(dataClass);
            }
        }
        return Optional.empty();
    }
}
