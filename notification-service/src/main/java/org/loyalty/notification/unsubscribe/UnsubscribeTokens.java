package org.loyalty.notification.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.loyalty.notification.NotificationConfig;

/**
 * Unsubscribe tokens: the customer id and an HMAC-SHA256 of it under a secret key, so a token
 * can be neither guessed nor forged for another customer, and needs no storage.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final String baseUrl;

    public UnsubscribeTokens(NotificationConfig config) {
        if (config.unsubscribe().secret().length() < 12) {
            throw new IllegalStateException("notification.unsubscribe.secret must be at least 12 characters");
        }
        this.key = new SecretKeySpec(config.unsubscribe().secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.baseUrl = config.unsubscribe().baseUrl();
    }

    public String tokenFor(String customerId) {
        byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(id) + "." + ENCODER.encodeToString(sign(id));
    }

    /** The link for List-Unsubscribe and the newsletter footer. */
    public String urlFor(String customerId) {
        return baseUrl + "/unsubscribe?token=" + tokenFor(customerId);
    }

    /** The customer a genuine token names; empty for anything forged or malformed. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] id = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(sign(id), signature) ? Optional.of(new String(id, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update("unsubscribe:".getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(customerId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
