package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.perfdesk.domain.Texts;

/**
 * The common ways the window is started — nothing, {@code --workspace DIR}, {@code --demo},
 * {@code --lang zh|en} and double-clicked {@code .perfpkg} files — read without picocli. Building
 * picocli's model and loading its classes took a third of a second before the window could start;
 * anything else (help, a command, a mistake, a folder) returns null and goes through {@link Cli} as
 * before, which also gives every message.
 */
public record WindowArgs(Path workspace, boolean demo, String language, List<Path> packages) {

    /** The window's arguments, or null when picocli should read them. */
    public static WindowArgs parse(String[] args) {
        try {
            return read(args);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static WindowArgs read(String[] args) {
        Path workspace = null;
        boolean demo = false;
        String language = null;
        List<Path> packages = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--workspace" -> {
                    if (value == null) {
                        value = i + 1 < args.length ? args[++i] : null;
                    }
                    if (workspace != null || value == null || value.isEmpty() || value.startsWith("-")) {
                        return null;
                    }
                    workspace = Path.of(value);
                }
                case "--lang" -> {
                    if (value == null) {
                        value = i + 1 < args.length ? args[++i] : null;
                    }
                    if (!"zh".equals(value) && !"en".equals(value)) {
                        return null;
                    }
                    language = value;
                }
                case "--demo" -> {
                    if (demo || value != null) {
                        return null;
                    }
                    demo = true;
                }
                default -> {
                    if (a.startsWith("-") || !a.endsWith(".perfpkg")) {
                        return null;
                    }
                    packages.add(Path.of(a));
                }
            }
        }
        return new WindowArgs(workspace, demo, language, List.copyOf(packages));
    }

    /** Sets the language as {@code --lang} does and starts the window. */
    public int start(GuiStarter gui) {
        if (language != null) {
            Texts.use(Texts.localeFor(language));
            LanguageChoice.set(language);
        }
        return gui.start(workspace, demo, packages);
    }
}
