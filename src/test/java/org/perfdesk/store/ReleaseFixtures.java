package org.perfdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Workspaces as earlier releases left them on users' disks, rebuilt from frozen SQL in test resources. */
public final class ReleaseFixtures {
    private ReleaseFixtures() {
    }

    /**
     * The office of release 0.1.0 (schema 6, code XNB) with 24 audit entries of every kind, hashed by
     * that release's unkeyed chain; no keys/ folder, as that release's {@code Workspace.create} made it.
     */
    public static Path officeV6(Path dir) throws IOException, SQLException {
        return load(dir, "/fixtures/office-v6-audit.sql", 6);
    }

    private static Path load(Path dir, String resource, int version) throws IOException, SQLException {
        Files.createDirectories(dir);
        String sql;
        try (InputStream in = ReleaseFixtures.class.getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Workspace.DB_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
            s.execute("PRAGMA application_id = " + Database.APPLICATION_ID);
            s.execute("PRAGMA user_version = " + version);
        }
        return dir;
    }
}
