package org.perfdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered SQL scripts that build the schema, read from {@code <folder>/V001__*.sql},
 * {@code V002__*.sql}, …; an index file names them because a jar cannot list a folder.
 * Migration n brings a database from user_version n-1 to n.
 */
public final class Migrations {
    public static final String DEFAULT_FOLDER = "/org/perfdesk/store/migrations";

    private final List<String> scripts;

    private Migrations(List<String> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    public static Migrations standard() {
        return fromResources(DEFAULT_FOLDER);
    }

    /** Loads the scripts listed, one per line, in {@code <folder>/index.txt}. */
    public static Migrations fromResources(String folder) {
        List<String> scripts = new ArrayList<>();
        for (String name : read(folder + "/index.txt").split("\\R")) {
            String file = name.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            String expectedPrefix = String.format("V%03d__", scripts.size() + 1);
            if (!file.startsWith(expectedPrefix)) {
                throw new IllegalStateException("migration " + file + " is out of order; expected " + expectedPrefix);
            }
            scripts.add(read(folder + "/" + file));
        }
        return new Migrations(scripts);
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema version a database has after all migrations. */
    public int latestVersion() {
        return scripts.size();
    }

    /** The script that brings the schema to {@code version}. */
    public String script(int version) {
        return scripts.get(version - 1);
    }
}
