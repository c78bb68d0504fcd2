package org.loyalty.notification.mail;

/**
 * Values that end up in mail headers (subjects, built from event fields such as order ids)
 * lose every control character, so nothing can spill into another header: the mail client
 * underneath does not stop CR/LF in a subject by itself.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    public static String clean(String value) {
        return value == null ? null : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").trim();
    }
}
