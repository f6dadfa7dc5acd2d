package dev.osprey.core.deploy;

import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Catalog;
import dev.osprey.core.workspace.SqlWork;
import dev.osprey.core.workspace.Workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints a user deployed, in the workspace catalog, so the studio can restart them when
 * the workspace reopens. A bearer token is kept outside the catalog in an owner-only file under
 * {@code .endpoints/} (the catalog only says that there is one), so sharing the catalog never
 * shares a secret.
 */
public final class EndpointStore {
    static final String TOKEN_DIR = ".endpoints";

    private final Catalog catalog;
    private final Path tokenDir;

    public EndpointStore(Workspace workspace) {
        this.catalog = workspace.catalog();
        this.tokenDir = workspace.root().resolve(TOKEN_DIR);
    }

    /** Every stored endpoint, by name. */
    public List<EndpointRecord> list() throws EndpointException {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM endpoint ORDER BY name")) {
                return rows(ps);
            }
        }, false);
    }

    /** The endpoints to start again when the workspace opens: those the user left running. */
    public List<EndpointRecord> toRestore() throws EndpointException {
        return list().stream().filter(e -> e.state() == EndpointState.RUNNING).toList();
    }

    public Optional<EndpointRecord> find(EndpointName name) throws EndpointException {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM endpoint WHERE name = ?")) {
                ps.setString(1, name.value());
                return rows(ps).stream().findFirst();
            }
        }, false);
    }

    /** Adds or replaces an endpoint's configuration, in {@code state}. */
    public EndpointRecord save(EndpointConfig config, EndpointState state) throws EndpointException {
        String now = Instant.now().toString();
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO endpoint (name, model, version, port, capture, sample_percent, has_token, state, message,
                                          created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET model = excluded.model, version = excluded.version,
                        port = excluded.port, capture = excluded.capture, sample_percent = excluded.sample_percent,
                        has_token = excluded.has_token, state = excluded.state, message = NULL,
                        updated_at = excluded.updated_at""")) {
                ps.setString(1, config.name().value());
                ps.setString(2, config.model());
                ps.setInt(3, config.version());
                ps.setInt(4, config.port());
                ps.setInt(5, config.capture() ? 1 : 0);
                ps.setInt(6, config.samplePercent());
                ps.setInt(7, config.hasToken() ? 1 : 0);
                ps.setString(8, state.name());
                ps.setString(9, now);
                ps.setString(10, now);
                return ps.executeUpdate();
            }
        }, true);
        return find(config.name()).orElseThrow();
    }

    /** Records a state change; {@code message} says why an endpoint failed (null otherwise). */
    public void setState(EndpointName name, EndpointState state, String message) throws EndpointException {
        update(name, "state = ?, message = ?", state.name(), message);
    }

    public void setVersion(EndpointName name, int version) throws EndpointException {
        update(name, "version = ?", version);
    }

    /** Keeps the port a server actually bound, so a restarted endpoint keeps its URL. */
    public void setPort(EndpointName name, int port) throws EndpointException {
        update(name, "port = ?", port);
    }

    public void remove(EndpointName name) throws EndpointException {
        update(name, null);
        try {
            Files.deleteIfExists(tokenFile(name));
        } catch (IOException e) {
            throw new EndpointException("Cannot remove the token of " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stores the bearer token of an endpoint (owner-only file). */
    public void saveToken(EndpointName name, String token) throws EndpointException {
        try {
            Files.createDirectories(tokenDir);
            Path f = tokenFile(name);
            AtomicFiles.writeString(f, token);
            try {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user profile's ACL applies
            }
        } catch (IOException e) {
            throw new EndpointException("Cannot store the token of " + name + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> token(EndpointName name) throws EndpointException {
        Path f = tokenFile(name);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new EndpointException("Cannot read the token of " + name + ": " + e.getMessage(), e);
        }
    }

    private Path tokenFile(EndpointName name) {
        return tokenDir.resolve(name.value() + ".token");
    }

    private void update(EndpointName name, String set, Object... args) throws EndpointException {
        String sqlText = set == null ? "DELETE FROM endpoint WHERE name = ?" : "UPDATE endpoint SET " + set
                + ", updated_at = ? WHERE name = ?";
        int n = sql(c -> {
            try (PreparedStatement ps = c.prepareStatement(sqlText)) {
                int i = 1;
                for (Object a : args) {
                    ps.setObject(i++, a);
                }
                if (set != null) {
                    ps.setString(i++, Instant.now().toString());
                }
                ps.setString(i, name.value());
                return ps.executeUpdate();
            }
        }, true);
        if (n == 0) {
            throw new EndpointException("There is no endpoint '" + name + "'.");
        }
    }

    private static List<EndpointRecord> rows(PreparedStatement ps) throws SQLException {
        List<EndpointRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                EndpointConfig cfg = new EndpointConfig(new EndpointName(rs.getString("name")), rs.getString("model"),
                        rs.getInt("version"), rs.getInt("port"), rs.getInt("capture") == 1, rs.getInt("sample_percent"),
                        rs.getInt("has_token") == 1);
                out.add(new EndpointRecord(cfg, EndpointState.valueOf(rs.getString("state")),
                        Optional.ofNullable(rs.getString("message")), Instant.parse(rs.getString("created_at")),
                        Instant.parse(rs.getString("updated_at"))));
            }
        }
        return out;
    }

    private <T> T sql(SqlWork<T> work, boolean write) throws EndpointException {
        try {
            return write ? catalog.inTransaction(work) : catalog.read(work);
        } catch (SQLException e) {
            throw new EndpointException("Cannot " + (write ? "update" : "read") + " the endpoints: " + e.getMessage(), e);
        }
    }
}
