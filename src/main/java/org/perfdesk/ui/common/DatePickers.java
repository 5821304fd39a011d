package org.perfdesk.ui.common;

import java.time.LocalDate;
import java.util.function.IntSupplier;

import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.perfdesk.domain.TypedInput;

/**
 * Date fields that show dates as official forms write them (2008-07-15), whatever the system's
 * locale, and read what clerks type: 2026-09-30, 2026/9/30, 2026.9.30, 2026年9月30日, or 9月30日 in
 * the workspace's year. Text that is no date keeps the field's value and stays visible, so the form
 * can say what is wrong with it ({@link RowEditor}) instead of dropping it.
 */
public final class DatePickers {
    private DatePickers() {
    }

    /** @param year the year that completes a date typed without one (the workspace's year) */
    public static DatePicker typed(IntSupplier year) {
        DatePicker picker = new DatePicker();
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                if (TypedInput.normalized(text).isEmpty()) {
                    return null;
                }
                // Not a date: the value stays, and so does the text (the form names the problem).
                return TypedInput.date(text, year.getAsInt()).orElse(picker.getValue());
            }
        });
        picker.setPromptText("2008-07-15");
        picker.getProperties().put(IntSupplier.class, year);
        return picker;
    }

    /**
     * The date typed into a field made by {@link #typed}, or null when it is blank; text that is no
     * date is a {@link org.perfdesk.domain.UserError} naming {@code field}.
     */
    public static LocalDate value(DatePicker picker, String field) {
        return Typed.date(typedText(picker), yearOf(picker), field);
    }

    /** Whether the field holds a date or nothing (not text that is no date). */
    public static boolean readable(DatePicker picker) {
        String text = typedText(picker);
        return TypedInput.normalized(text).isEmpty() || TypedInput.date(text, yearOf(picker)).isPresent();
    }

    private static int yearOf(DatePicker picker) {
        Object year = picker.getProperties().get(IntSupplier.class);
        return year instanceof IntSupplier y ? y.getAsInt() : LocalDate.now().getYear();
    }

    /** The text typed into the field (what the user sees), which may not be a date yet. */
    public static String typedText(DatePicker picker) {
        return picker.getEditor().getText() == null ? "" : picker.getEditor().getText();
    }
}
