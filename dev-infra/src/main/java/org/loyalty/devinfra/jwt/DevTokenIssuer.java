package org.loyalty.devinfra.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A stand-in for the real identity provider, for tests and the local run only: an RSA key
 * pair and RS256 tokens signed with plain JDK crypto. The services are given only the public
 * key and the issuer, exactly as in production.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "https://dev-issuer.loyalty.local";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private Path publicKeyFile;

    private DevTokenIssuer(KeyPair keys) {
        this.keys = keys;
    }

    /** A fresh key pair, held only in memory. */
    public static DevTokenIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DevTokenIssuer(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA on this JVM", e);
        }
    }

    /** The key pair kept in {@code directory} (so tokens outlive a restart), made there the first time. */
    public static DevTokenIssuer loadOrCreate(Path directory) throws IOException {
        Path privateKey = directory.resolve("private-key.pem");
        Path publicKey = directory.resolve("public-key.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            try {
                KeyFactory factory = KeyFactory.getInstance("RSA");
                PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateKey))));
                PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicKey))));
                return new DevTokenIssuer(new KeyPair(pub, priv));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException("Unreadable development key pair in " + directory + "; delete it to make a new one", e);
            }
        }
        DevTokenIssuer issuer = generate();
        Files.createDirectories(directory);
        Files.writeString(privateKey, pem("PRIVATE KEY", issuer.keys.getPrivate().getEncoded()));
        if (privateKey.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------")); // whoever holds it mints any role
        }
        Files.writeString(publicKey, issuer.publicKeyPem());
        return issuer;
    }

    /** The public key, PEM-encoded. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** The public key in a file of its own (made once, removed when the JVM exits), as services read it in production. */
    public synchronized Path publicKeyFile() throws IOException {
        if (publicKeyFile == null) {
            publicKeyFile = Files.createTempFile("loyalty-dev-issuer-", ".pem");
            publicKeyFile.toFile().deleteOnExit();
            Files.writeString(publicKeyFile, publicKeyPem());
        }
        return publicKeyFile;
    }

    /** What a service needs to trust these tokens, as configuration keys. */
    public Map<String, String> serviceConfig() throws IOException {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile().toUri().toString(), "mp.jwt.verify.issuer", ISSUER);
    }

    /** The same as environment variables. */
    public Map<String, String> serviceEnvironment() throws IOException {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile().toUri().toString(), "MP_JWT_VERIFY_ISSUER", ISSUER);
    }

    /** A token for {@code subject} with these roles; {@code customerId} (may be null) goes into the customer_id claim. */
    public String mint(String subject, String customerId, Duration lifetime, List<String> roles) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        if (customerId != null) {
            claims.put("customer_id", customerId);
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String signed = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }

    private static String part(Object json) throws JsonProcessingException {
        return URL.encodeToString(JSON.writeValueAsBytes(json));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
