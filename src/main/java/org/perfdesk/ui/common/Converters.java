package org.perfdesk.ui.common;

import java.util.function.Function;

import javafx.util.StringConverter;

/** Choice lists that show their items in words and are never typed into. */
public final class Converters {
    private Converters() {
    }

    /** Shows each item as {@code words} says (null shows as {@code words.apply(null)} too). */
    public static <T> StringConverter<T> showing(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return words.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
