package org.perfdesk.ui.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import javafx.scene.Scene;
import javafx.scene.text.Font;

/** The stylesheet, the font that renders Chinese well on this system, and what every screen shares. */
public final class Styles {
    /** Preferred order: Windows, Linux, macOS, then whatever CJK font JavaFX finds. */
    private static final List<String> CJK_FONTS = List.of(
            "Microsoft YaHei", "Microsoft YaHei UI", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei");

    /** Looked up once: listing the system's fonts takes a while and the answer does not change. */
    private static volatile java.util.Optional<String> fontFamily;

    private Styles() {
    }

    /** Marks {@code root} as a screen (padding, the id tests and the navigation use) and makes its title. */
    public static javafx.scene.control.Label screen(javafx.scene.layout.Region root, String id, String title) {
        root.getStyleClass().add("screen");
        root.setId(id);
        javafx.scene.control.Label label = new javafx.scene.control.Label(title);
        label.getStyleClass().add("screen-title");
        return label;
    }

    public static void apply(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(
                Styles.class.getResource("/org/perfdesk/ui/perfdesk.css")).toExternalForm());
        if (fontFamily == null) {
            fontFamily = java.util.Optional.ofNullable(uiFontFamily());
        }
        String family = fontFamily.orElse(null);
        if (family != null) {
            // The family is only known at run time; a one-rule stylesheet keeps styles out of the nodes.
            String css = ".root { -fx-font-family: \"" + family + "\"; }";
            scene.getStylesheets().add("data:text/css;base64,"
                    + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8)));
        }
    }

    static String uiFontFamily() {
        List<String> installed = Font.getFamilies();
        for (String f : CJK_FONTS) {
            if (installed.contains(f)) {
                return f;
            }
        }
        return null;
    }
}
