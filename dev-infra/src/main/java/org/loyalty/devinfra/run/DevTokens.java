package org.loyalty.devinfra.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.loyalty.devinfra.jwt.DevTokenIssuer;

/**
 * The local run's development tokens, one per role (and one for customer c-1), written to
 * {@code .local-run/jwt/tokens.env} for {@code source}, next to the public key the services
 * trust. The key pair stays between runs, so docker compose can be pointed at the same key.
 */
final class DevTokens {

    private static final Duration LIFETIME = Duration.ofHours(12);

    private final DevTokenIssuer issuer;
    private final Path directory;

    private DevTokens(DevTokenIssuer issuer, Path directory) {
        this.issuer = issuer;
        this.directory = directory;
    }

    static DevTokens in(Path directory) throws IOException {
        return new DevTokens(DevTokenIssuer.loadOrCreate(directory), directory);
    }

    DevTokenIssuer issuer() {
        return issuer;
    }

    /** Mints a fresh set, writes tokens.env and returns its path. */
    Path write() throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("CHECKOUT_TOKEN", issuer.mint("dev-checkout", null, LIFETIME, List.of("checkout")));
        tokens.put("MARKETING_TOKEN", issuer.mint("dev-marketing", null, LIFETIME, List.of("marketing")));
        tokens.put("OPS_TOKEN", issuer.mint("dev-ops", null, LIFETIME, List.of("ops")));
        tokens.put("CUSTOMER_C1_TOKEN", issuer.mint("dev-customer-c-1", "c-1", LIFETIME, List.of("customer")));
        StringBuilder env = new StringBuilder("# Development tokens (valid " + LIFETIME.toHours() + " h); not for production.\n");
        tokens.forEach((name, token) -> env.append("export ").append(name).append('=').append(token).append('\n'));
        Path file = directory.resolve("tokens.env");
        Files.writeString(file, env);
        return file;
    }
}
