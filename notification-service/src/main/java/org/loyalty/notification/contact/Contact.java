package org.loyalty.notification.contact;

/** Whom we may write to, and in which language, as customer-profile-service last said. */
public record Contact(String customerId, String email, String name, String locale, boolean marketingConsent, String segment) {
}
