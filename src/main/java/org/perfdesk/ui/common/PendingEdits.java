package org.perfdesk.ui.common;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every editor of an open workspace's screens, so that what is typed is saved before the screen,
 * the year or the workspace changes or the window closes ({@link #commitAll()}), whichever screen
 * it was typed on. Editors are held weakly: a screen that is thrown away (a language switch builds
 * the window anew, after committing) takes its editors with it.
 */
public final class PendingEdits {
    /** Something holding typed text that is not saved yet. */
    public interface Editor {
        /** Saves what was typed; false (with the reason shown at the field) when it cannot be saved. */
        boolean commit();

        /**
         * Before the year or the workspace changes or the window closes: saves, and says false (with
         * the reason) when something would be left behind. A form that is saved on purpose (the
         * evaluation scheme, with a reason) keeps its changes across screens but not across these.
         */
        default boolean release() {
            return commit();
        }

        /** The field or form that holds what cannot be saved (to show its screen), or null. */
        javafx.scene.Node where();

        /** Why the last commit was refused, in words, or null. */
        String refusal();

        /** Puts the keyboard on the refused field, so the user can correct it. */
        void focusRefused();
    }

    private final List<WeakReference<Editor>> editors = new ArrayList<>();

    public void register(Editor editor) {
        editors.removeIf(r -> r.get() == null);
        editors.add(new WeakReference<>(editor));
    }

    /**
     * Commits every editor; the first that refuses (an entry that cannot be saved, shown at its
     * field) is returned, and the caller stays where it is. Call on the JavaFX thread.
     */
    public Optional<Editor> commitAll() {
        return each(Editor::commit);
    }

    /** As {@link #commitAll()}, before the year or workspace changes or the window closes. */
    public Optional<Editor> releaseAll() {
        return each(Editor::release);
    }

    private Optional<Editor> each(java.util.function.Predicate<Editor> action) {
        Editor refused = null;
        for (WeakReference<Editor> ref : List.copyOf(editors)) {
            Editor e = ref.get();
            if (e != null && !action.test(e) && refused == null) {
                refused = e;
            }
        }
        return Optional.ofNullable(refused);
    }
}
