package org.loyalty.notification.mail;

/** A mail rendered in the recipient's language: subject, plain-text and HTML parts. */
public record ComposedMail(String subject, String text, String html) {
}
