package org.loyalty.notification.mail;

/** What a mail is; only newsletters are marketing (consent and one-click unsubscribe). */
public enum MailKind {
    THANK_YOU, FEEDBACK_REQUEST, REWARD, VIP_WELCOME, SHIPMENT_DELAYED, NEWSLETTER;

    public boolean marketing() {
        return this == NEWSLETTER;
    }
}
