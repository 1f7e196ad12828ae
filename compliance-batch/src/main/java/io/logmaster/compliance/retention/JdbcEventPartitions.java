package io.logmaster.compliance.retention;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@link EventPartitions} over JDBC: lists the children of {@code events} in {@code pg_inherits}
 * and drops a daily partition with {@code DROP TABLE IF EXISTS} (which waits at most 30 s for its
 * lock). One connection per call: retention runs once a day.
 */
public final class JdbcEventPartitions implements EventPartitions {
    /** Daily partition names, exactly. */
    static final Pattern DAILY = Pattern.compile("events_\\d{8}");

    private final String url;
    private final Properties props = new Properties();

    public JdbcEventPartitions(String url, String user, char[] password) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a jdbc:postgresql: URL: " + url);
        }
        this.url = url;
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", new String(password));
        }
        props.setProperty("ApplicationName", "logmaster-retention");
    }

    @Override
    public List<String> list() throws IOException {
        String sql =
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = to_regclass('events') ORDER BY c.relname";
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IOException("listing partitions of events at " + url + ": " + e, e);
        }
    }

    @Override
    public boolean drop(String table) throws IOException {
        if (!DAILY.matcher(table).matches()) {
            throw new IllegalArgumentException("not a daily events partition: '" + table + "'");
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            boolean existed;
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    existed = rs.getBoolean(1);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '30s'");
                // The name matched events_\d{8}: safe to quote as an identifier.
                st.execute("DROP TABLE IF EXISTS \"" + table + "\"");
            }
            c.commit();
            return existed;
        } catch (SQLException e) {
            throw new IOException("DROP TABLE " + table + " at " + url + ": " + e, e);
        }
    }

    @Override
    public String describe() {
        return url;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, props);
    }
}
