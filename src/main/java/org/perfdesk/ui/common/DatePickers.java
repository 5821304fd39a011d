package org.perfdesk.ui.common;

import java.time.format.DateTimeFormatter;

import javafx.scene.control.DatePicker;
import javafx.util.converter.LocalDateStringConverter;

/** Date fields as official forms write dates (2008-07-15), whatever the system's locale. */
public final class DatePickers {
    private DatePickers() {
    }

    public static DatePicker iso() {
        DatePicker picker = new DatePicker();
        picker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ISO_LOCAL_DATE));
        picker.setPromptText("2008-07-15");
        return picker;
    }
}
