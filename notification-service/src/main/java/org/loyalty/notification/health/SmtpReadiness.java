package org.loyalty.notification.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the SMTP server accepts connections: without it no mail leaves. */
@Readiness
@ApplicationScoped
public class SmtpReadiness implements HealthCheck {

    private final String host;
    private final int port;

    public SmtpReadiness(@ConfigProperty(name = "quarkus.mailer.host") String host, @ConfigProperty(name = "quarkus.mailer.port") int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public HealthCheckResponse call() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return HealthCheckResponse.named("SMTP server").up().withData("server", host + ":" + port).build();
        } catch (IOException e) {
            return HealthCheckResponse.named("SMTP server").down().withData("server", host + ":" + port).build();
        }
    }
}
