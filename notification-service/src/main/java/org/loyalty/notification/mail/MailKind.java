package org.loyalty.notification.mail;

/**
 * What a mail is. Only NEWSLETTER is marketing: it needs consent and carries one-click
 * unsubscribe; the others are transactional and go regardless of newsletter consent.
 */
public enum MailKind {
    THANK_YOU, FEEDBACK_REQUEST, REWARD, VIP_WELCOME, SHIPMENT_DELAYED, NEWSLETTER
}
