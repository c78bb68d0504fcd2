package org.loyalty.devinfra.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server that tests and the local run create their databases on: the one
 * named by the standard libpq variables ({@code PGHOST}, {@code PGPORT}, {@code PGUSER},
 * {@code PGPASSWORD}; default {@code postgres@127.0.0.1:5432}) when it answers, otherwise an
 * embedded PostgreSQL shipped in a Maven artifact, so that nothing but a JDK is needed.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The configured server when it answers, else a freshly started embedded one. */
    public static PostgresServer localOrEmbedded() throws IOException {
        String host = env("PGHOST", "127.0.0.1");
        int port = Integer.parseInt(env("PGPORT", "5432"));
        PostgresServer configured = new PostgresServer(host, port, env("PGUSER", "postgres"), env("PGPASSWORD", ""), null);
        if (configured.answers()) {
            return configured;
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        return new PostgresServer("127.0.0.1", embedded.getPort(), "postgres", "postgres", embedded);
    }

    /** A server at a known address, e.g. one started by testcontainers. */
    public static PostgresServer at(String host, int port, String user, String password) {
        return new PostgresServer(host, port, user, password, null);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Drops any database of that name (closing its connections) and creates it empty. */
    public void recreateDatabase(String name) throws SQLException {
        dropDatabase(name);
        execute("CREATE DATABASE " + checked(name));
    }

    public void dropDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + checked(name) + " WITH (FORCE)");
    }

    /**
     * An outage of one database while the server keeps running: new connections are refused
     * and the open ones are cut, as a failed-over or unreachable database looks to a service.
     */
    public void refuseConnections(String name) throws SQLException {
        execute("ALTER DATABASE " + checked(name) + " WITH ALLOW_CONNECTIONS false");
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + checked(name) + "' AND pid <> pg_backend_pid()");
    }

    /** Ends the outage {@link #refuseConnections(String)} began. */
    public void allowConnections(String name) throws SQLException {
        execute("ALTER DATABASE " + checked(name) + " WITH ALLOW_CONNECTIONS true");
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private boolean answers() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl("postgres"), properties);
    }

    private static String checked(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        return name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
