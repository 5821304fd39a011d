package org.perfdesk.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.TextInputControl;

/**
 * What was typed into a dialog that closed without its work being saved (cancelled, Escape, a
 * passphrase not given, a save that failed): the next time the same dialog opens for the same
 * thing (the same unit's plan, the same inspection record, a new feedback item for the same unit),
 * the text is back in its fields. Kept while the workspace is open.
 */
public final class Drafts {
    private final Map<String, List<String>> kept = new HashMap<>();

    /** Puts the text kept for {@code key} back into the fields; true when there was some. */
    public boolean restore(String key, TextInputControl... fields) {
        List<String> texts = kept.get(key);
        if (texts == null || texts.size() != fields.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i].setText(texts.get(i));
        }
        return true;
    }

    /** Keeps the fields' text for {@code key} until {@link #done}; blank fields keep nothing. */
    public void keep(String key, TextInputControl... fields) {
        List<String> texts = new ArrayList<>();
        boolean any = false;
        for (TextInputControl f : fields) {
            String t = f.getText() == null ? "" : f.getText();
            texts.add(t);
            any |= !t.isBlank();
        }
        if (any) {
            kept.put(key, texts);
        } else {
            kept.remove(key);
        }
    }

    /** The work was saved: nothing to bring back. */
    public void done(String key) {
        kept.remove(key);
    }
}
