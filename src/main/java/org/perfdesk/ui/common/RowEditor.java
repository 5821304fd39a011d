package org.perfdesk.ui.common;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.perfdesk.domain.UserError;

/**
 * The fields that edit one row at a time (a node's details, an indicator's gap analysis for a
 * quarter, a report section, a rectification item), bound to the row they were filled for.
 *
 * <p>What was typed is saved on that row — never on the next one — when a field loses the keyboard,
 * Enter is pressed in a one-line field, a choice is picked, another row is shown ({@link #show}) or
 * anything else asks ({@link PendingEdits#commitAll()}: another screen, year or workspace, closing
 * the window). An entry that cannot be saved stays in its field, outlined, with the reason beside
 * the form and on the field's tooltip; the row stays shown until it is corrected or put back.
 *
 * @param <K> the row's identity (a node id, a node id and quarter, …)
 */
public final class RowEditor<K> implements PendingEdits.Editor {
    /** Reads the fields and saves them as the row {@code key}; a {@link Refusal} keeps them unsaved. */
    @FunctionalInterface
    public interface Save<K> {
        void save(K key);
    }

    /** An entry that cannot be saved: the field and why. */
    public static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Node field;

        public Refusal(Node field, String message) {
            super(message);
            this.field = field;
        }

        /** The field, with the message of a {@link UserError} from reading it. */
        public Refusal(Node field, UserError error) {
            this(field, error.getLocalizedMessage());
        }

        public Node field() {
            return field;
        }
    }

    private static final String ERROR_CLASS = "field-error";

    private final Save<K> save;
    private final Consumer<String> message;
    /** Each field's content as it was filled or last saved; a field whose content differs is changed. */
    private final Map<Node, Object> saved = new LinkedHashMap<>();
    private K key;
    private boolean open;
    private boolean filling;
    private boolean sameRow;
    private boolean committing;
    private Node refusedField;
    private String refusal;

    /**
     * @param edits   the workspace's editors, which the window commits before it changes screen or closes
     * @param message where the form says why an entry is not saved ("" clears it)
     */
    public RowEditor(PendingEdits edits, Consumer<String> message, Save<K> save) {
        this.save = save;
        this.message = message;
        edits.register(this);
    }

    /** Text fields: saved when they lose the keyboard, one-line ones also on Enter. */
    public RowEditor<K> text(TextInputControl... fields) {
        for (TextInputControl f : fields) {
            saved.put(f, "");
            f.focusedProperty().addListener((o, had, has) -> {
                if (!has) {
                    commit();
                }
            });
            if (f instanceof TextField t) {
                t.addEventHandler(javafx.event.ActionEvent.ACTION, e -> commit());
            }
            // Escape cancels the typing in this field: what is saved comes back.
            f.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE && open && changed(f)) {
                    e.consume();
                    f.setText((String) saved.get(f));
                    if (!isChanged()) {
                        clearRefusal();
                    }
                }
            });
        }
        return this;
    }

    /**
     * Date fields, read as typed ({@link DatePickers#typed}): saved when they lose the keyboard, on
     * Enter and when a day is picked. Enter on text that is no date keeps the text and says why.
     */
    public RowEditor<K> date(DatePicker... pickers) {
        for (DatePicker p : pickers) {
            saved.put(p, "");
            p.focusedProperty().addListener((o, had, has) -> {
                if (!has) {
                    commit();
                }
            });
            // The field's own handling of Enter would put the old date back over text it cannot read.
            p.addEventFilter(KeyEvent.ANY, e -> {
                if (e.getEventType() == KeyEvent.KEY_TYPED || e.getCode() != KeyCode.ENTER) {
                    return;
                }
                if (!DatePickers.readable(p)) {
                    e.consume();
                    if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                        commit();
                    }
                } else if (e.getEventType() == KeyEvent.KEY_RELEASED) {
                    Platform.runLater(this::commit);
                }
            });
            // A day picked in the calendar: the field's text follows the value just after this.
            p.valueProperty().addListener((o, a, b) -> {
                if (!filling) {
                    Platform.runLater(this::commit);
                }
            });
        }
        return this;
    }

    /** Choice lists: a pick is saved at once. */
    public RowEditor<K> choice(ComboBoxBase<?>... boxes) {
        for (ComboBoxBase<?> c : boxes) {
            saved.put(c, null);
            c.valueProperty().addListener((o, a, b) -> {
                if (!filling) {
                    commit();
                }
            });
        }
        return this;
    }

    /**
     * Shows row {@code next}: first saves what was typed on the row shown until now; then
     * {@code fill} writes the fields through the {@code set} methods. Showing the same row again
     * (after a save reloaded it) leaves fields the user has changed as they are. Returns false, and
     * fills nothing, when the row shown until now has an entry that cannot be saved: the caller
     * goes back to that row.
     */
    public boolean show(K next, Runnable fill) {
        if (committing) {
            // A save that reloads the rows shows the same row again: leave the fields as typed.
            return true;
        }
        boolean same = open && Objects.equals(next, key);
        if (!same && open && !commit()) {
            return false;
        }
        key = next;
        open = next != null;
        sameRow = same;
        filling = true;
        try {
            fill.run();
        } finally {
            filling = false;
            sameRow = false;
        }
        if (!same) {
            clearRefusal();
        }
        return true;
    }

    public void set(TextInputControl field, String text) {
        String value = text == null ? "" : text;
        if (!keepsTyping(field)) {
            field.setText(value);
            saved.put(field, value);
        }
    }

    public void set(DatePicker field, LocalDate date) {
        if (!keepsTyping(field)) {
            field.setValue(date);
            field.getEditor().setText(field.getConverter().toString(date));
            saved.put(field, DatePickers.typedText(field));
        }
    }

    public <T> void set(ComboBoxBase<T> field, T value) {
        if (!keepsTyping(field)) {
            field.setValue(value);
            saved.put(field, value);
        }
    }

    private boolean keepsTyping(Node field) {
        return sameRow && changed(field);
    }

    private boolean changed(Node field) {
        return !Objects.equals(saved.get(field), content(field));
    }

    private static Object content(Node field) {
        if (field instanceof DatePicker p) {
            return DatePickers.typedText(p);
        }
        if (field instanceof TextInputControl t) {
            return t.getText() == null ? "" : t.getText();
        }
        return ((ComboBoxBase<?>) field).getValue();
    }

    /** The row the fields show, or null. */
    public K key() {
        return open ? key : null;
    }

    /** Whether any field differs from what is saved. */
    public boolean isChanged() {
        return open && saved.keySet().stream().anyMatch(this::changed);
    }

    /** Saves what was typed on the shown row, if anything; false when it cannot be saved (reason shown). */
    @Override
    public boolean commit() {
        if (filling || committing || !open) {
            return true;
        }
        if (!isChanged()) {
            clearRefusal();
            return true;
        }
        Map<Node, Object> typed = new LinkedHashMap<>();
        saved.keySet().forEach(f -> typed.put(f, content(f)));
        committing = true;
        try {
            save.save(key);
        } catch (Refusal r) {
            showRefusal(r.field(), r.getMessage());
            return false;
        } catch (UserError e) {
            showRefusal(null, e.getLocalizedMessage());
            return false;
        } finally {
            committing = false;
        }
        saved.putAll(typed);
        clearRefusal();
        return true;
    }

    private void showRefusal(Node field, String why) {
        clearRefusal();
        refusedField = field;
        refusal = why;
        if (field != null) {
            field.getStyleClass().add(ERROR_CLASS);
            if (field instanceof Control c) {
                Tooltip tip = new Tooltip(why);
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                c.setTooltip(tip);
            }
        }
        message.accept(why);
    }

    private void clearRefusal() {
        if (refusedField != null) {
            refusedField.getStyleClass().remove(ERROR_CLASS);
            if (refusedField instanceof Control c) {
                c.setTooltip(null);
            }
        }
        if (refusal != null) {
            message.accept("");
        }
        refusedField = null;
        refusal = null;
    }

    @Override
    public String refusal() {
        return refusal;
    }

    @Override
    public Node where() {
        return refusedField;
    }

    @Override
    public void focusRefused() {
        if (refusedField != null) {
            refusedField.requestFocus();
        }
    }
}
