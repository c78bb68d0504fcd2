package org.loyalty.notification.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Renders every kind of mail with one HTML and one plain-text Qute template
 * ({@code templates/mail/message.*}): a greeting, paragraphs, an optional action button (the
 * cancel link of a delay notice) and, for newsletters, the unsubscribe footer. Qute escapes
 * what it puts into the HTML part.
 */
@ApplicationScoped
public class MailComposer {

    /** What a mail says, before it is rendered. */
    public record Content(String subject, List<String> paragraphs, String actionLabel, String actionUrl, String unsubscribeUrl) {
        public static Content of(String subject, String... paragraphs) {
            return new Content(subject, List.of(paragraphs), null, null, null);
        }
    }

    private final Messages messages;
    private final Template html;
    private final Template text;

    public MailComposer(Messages messages, Engine engine) {
        this.messages = messages;
        this.html = engine.getTemplate("mail/message.html");
        this.text = engine.getTemplate("mail/message.txt");
    }

    public ComposedMail compose(Locale locale, String name, Content content) {
        Map<String, Object> data = new HashMap<>();
        data.put("lang", locale.getLanguage());
        data.put("subject", content.subject());
        data.put("greeting", messages.text(locale, "greeting", HeaderValues.clean(name)));
        data.put("paragraphs", content.paragraphs());
        data.put("actionLabel", content.actionLabel());
        data.put("actionUrl", content.actionUrl());
        data.put("signature", messages.text(locale, "signature"));
        data.put("unsubscribeUrl", content.unsubscribeUrl());
        data.put("unsubscribeLabel", messages.text(locale, "unsubscribe"));
        data.put("footer", messages.text(locale, "newsletter.footer"));
        return new ComposedMail(HeaderValues.clean(content.subject()), text.data(data).render(), html.data(data).render());
    }
}
