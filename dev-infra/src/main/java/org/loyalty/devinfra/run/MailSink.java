package org.loyalty.devinfra.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The local run's SMTP sink: a real SMTP server (GreenMail) that accepts every mail and
 * writes each one to {@code <directory>/NNNN-<recipient>.eml}, readable with any mail
 * program or a text editor.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail server;
    private final Path directory;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-sink");
        thread.setDaemon(true);
        return thread;
    });
    private int written;

    private MailSink(GreenMail server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    public static MailSink start(int port, Path directory) throws IOException {
        Files.createDirectories(directory);
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        MailSink sink = new MailSink(server, directory);
        sink.writer.scheduleWithFixedDelay(sink::writeNewMail, 1, 1, TimeUnit.SECONDS);
        return sink;
    }

    Path directory() {
        return directory;
    }

    private synchronized void writeNewMail() {
        MimeMessage[] received = server.getReceivedMessages();
        for (; written < received.length; written++) {
            MimeMessage message = received[written];
            try {
                String recipient = message.getAllRecipients()[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
                Path file = directory.resolve(String.format("%04d-%s.eml", written + 1, recipient));
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
            } catch (IOException | MessagingException e) {
                System.err.println("Could not write a received mail: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNewMail();
        server.stop();
    }
}
