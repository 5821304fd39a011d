package org.perfdesk.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The program's own folder for settings, the demo and new workspaces: the system property
 * {@code perfdesk.home}, else the environment variable {@code PERFDESK_HOME}, else the user's
 * application-data folder (%APPDATA%\PerfDesk, ~/Library/Application Support/PerfDesk,
 * $XDG_DATA_HOME/perfdesk or ~/.local/share/perfdesk).
 */
public final class AppHome {
    private AppHome() {
    }

    public static Path dir() {
        String prop = System.getProperty("perfdesk.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("PERFDESK_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("PerfDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("PerfDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("perfdesk");
    }

    /** Where the demo workspaces are built when the window opens the demo. */
    public static Path demoDir() {
        return dir().resolve("demo");
    }

    /** Default parent folder for new workspaces. */
    public static Path workspacesDir() {
        return dir().resolve("workspaces");
    }
}
