package org.perfdesk.domain;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a person reads, in Chinese (the default) or English, from
 * {@code org/perfdesk/i18n/messages*.properties}. Placeholders use {@link MessageFormat};
 * pass numbers that are not quantities (years, codes) as strings so they are not grouped.
 */
public final class Texts {
    public static final String BUNDLE = "org.perfdesk.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    private static volatile Texts current = new Texts(CHINESE);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final java.util.Map<String, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

    private Texts(Locale locale) {
        this.locale = locale;
        // No fallback to the machine's default locale: Chinese is the base file, English the only other.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts of(Locale locale) {
        return new Texts(locale);
    }

    /** "en" gives English; anything else gives Chinese. */
    public static Locale localeFor(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
    }

    public static Texts current() {
        return current;
    }

    public static void use(Locale locale) {
        current = new Texts(locale);
    }

    /** Shortcut for {@code current().get(key, args)}. */
    public static String t(String key, Object... args) {
        return current.get(key, args);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // Always through MessageFormat, so '' means ' whether or not the text has placeholders. A text is
        // parsed once (thousands of import detail lines made a new MessageFormat each); a MessageFormat is
        // not safe for two threads at once, hence the lock.
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
        synchronized (format) {
            return format.format(args);
        }
    }

    /** The label of an enum constant, e.g. "enum.OrgKind.DIVISION" → 处室. */
    public String of(Enum<?> value) {
        return value == null ? "" : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
