package org.perfdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The program's settings, kept in {@code settings.json} in {@link AppHome}: the last workspace and
 * the language. A missing or unreadable file gives the defaults (first start).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AppSettings {
    public static final String FILE_NAME = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String lastWorkspace;
    private String language = "zh";

    public String getLastWorkspace() {
        return lastWorkspace;
    }

    public void setLastWorkspace(String lastWorkspace) {
        this.lastWorkspace = lastWorkspace;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public static AppSettings load(Path home) {
        Path file = home.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new AppSettings();
        }
        try {
            return JSON.readValue(file.toFile(), AppSettings.class);
        } catch (IOException e) {
            // A damaged settings file only costs the last workspace and language; start fresh.
            return new AppSettings();
        }
    }

    /** Written to a temporary file and renamed, so a crash never leaves half a settings file. */
    public void save(Path home) throws IOException {
        SafeFiles.writeAtomically(home.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }
}
