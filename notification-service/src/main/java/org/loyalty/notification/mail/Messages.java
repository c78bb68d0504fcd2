package org.loyalty.notification.mail;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The mail texts in English, Russian, Bulgarian and Swedish ({@code messages/mail_*.properties}),
 * and dates written the way each language writes them.
 */
@ApplicationScoped
public class Messages {

    public static final Set<String> LANGUAGES = Set.of("en", "ru", "bg", "sv");

    /** The contact's language if we write it, else English. */
    public static Locale localeOf(String language) {
        return Locale.forLanguageTag(LANGUAGES.contains(language) ? language : "en");
    }

    public String text(Locale locale, String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("messages.mail", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return new MessageFormat(pattern, locale).format(arguments);
    }

    public String date(Locale locale, Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atOffset(ZoneOffset.UTC));
    }
}
