package org.perfdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Undo and redo for a screen's edits. An entry knows how to undo and redo itself; a new edit clears
 * what could be redone. Bounded, so a day of editing does not grow without end.
 */
public final class UndoStack {
    /** One edit: its name for the menu, and how to reverse and repeat it. */
    public record Entry(String description, Runnable undo, Runnable redo) {
    }

    private static final int LIMIT = 500;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

    public void push(Entry e) {
        undo.push(e);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    public void undo() {
        if (!undo.isEmpty()) {
            Entry e = undo.pop();
            e.undo().run();
            redo.push(e);
            update();
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            Entry e = redo.pop();
            e.redo().run();
            undo.push(e);
            update();
        }
    }

    public void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    /** What undo would reverse, or null. */
    public String nextUndo() {
        return undo.isEmpty() ? null : undo.peek().description();
    }

    public String nextRedo() {
        return redo.isEmpty() ? null : redo.peek().description();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
