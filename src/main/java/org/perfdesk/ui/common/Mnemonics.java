package org.perfdesk.ui.common;

import java.util.Locale;

import javafx.scene.control.Labeled;

/**
 * Alt+letter for the main buttons. An English label underlines the letter where it stands
 * ("_Export…"); a Chinese one shows it after the words, as Windows programs do ("导出(_E)…").
 * Set in code, so the texts in the bundle stay plain words.
 */
public final class Mnemonics {
    private Mnemonics() {
    }

    public static <T extends Labeled> T set(T control, char letter) {
        String text = control.getText() == null ? "" : control.getText();
        int at = text.toLowerCase(Locale.ROOT).indexOf(Character.toLowerCase(letter));
        boolean latin = text.chars().anyMatch(c -> c >= 'A' && c <= 'z');
        String marked;
        if (latin && at >= 0) {
            marked = text.substring(0, at) + "_" + text.substring(at);
        } else {
            String tail = text.endsWith("…") ? "…" : "";
            String words = text.substring(0, text.length() - tail.length());
            marked = words + "(_" + Character.toUpperCase(letter) + ")" + tail;
        }
        control.setText(marked);
        control.setMnemonicParsing(true);
        return control;
    }

    /** The text as drawn: the first "_" that marks a letter is not shown. */
    public static String shown(String text) {
        int i = text.indexOf('_');
        return i < 0 || i == text.length() - 1 ? text : text.substring(0, i) + text.substring(i + 1);
    }
}
