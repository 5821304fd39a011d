package org.perfdesk.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The program's name and version (from the build), recorded in workspaces and packages. */
public final class ProgramInfo {
    public static final String NAME = "PerfDesk";
    private static final String VERSION = load();

    private ProgramInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ProgramInfo.class.getResourceAsStream("/org/perfdesk/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
