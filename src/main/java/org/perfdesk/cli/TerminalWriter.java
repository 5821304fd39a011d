package org.perfdesk.cli;

import java.io.PrintWriter;
import java.io.Writer;

import org.perfdesk.domain.SafeText;

/**
 * Everything the command line prints goes through here: names and messages come from packages,
 * cards and enrollment requests that someone else wrote, so a control character, an escape sequence
 * or a bidirectional control in them is written as {@code \}{@code uXXXX} instead of acting on the
 * terminal ({@link SafeText#escaped}). Line ends (including Windows' CR LF) and tabs pass.
 */
final class TerminalWriter extends Writer {
    private final Writer out;
    /** A high surrogate waiting for its pair, so a character split between writes is judged whole. */
    private char pending;

    private TerminalWriter(Writer out) {
        this.out = out;
    }

    /** A print writer that escapes what would act on a terminal. */
    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new TerminalWriter(out), true);
    }

    @Override
    public void write(char[] buf, int off, int len) throws java.io.IOException {
        StringBuilder text = new StringBuilder(len + 1);
        if (pending != 0) {
            text.append(pending);
            pending = 0;
        }
        text.append(buf, off, len);
        if (text.length() > 0 && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            pending = text.charAt(text.length() - 1);
            text.setLength(text.length() - 1);
        }
        out.write(escape(text.toString()));
    }

    /** Escapes hidden characters; a carriage return passes only as part of CR LF. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                out.append(SafeText.escaped(text.substring(from, i))).append("\r\n");
                from = ++i + 1;
            }
        }
        return out.append(SafeText.escaped(text.substring(from))).toString();
    }

    @Override
    public void flush() throws java.io.IOException {
        out.flush();
    }

    @Override
    public void close() throws java.io.IOException {
        if (pending != 0) {
            out.write(SafeText.escaped(String.valueOf(pending)));
            pending = 0;
        }
        out.close();
    }
}
