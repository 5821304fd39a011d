package org.perfdesk.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Which evidence files PerfDesk hands to the system's viewer. Only documents and pictures are
 * opened; a program, a script, a shortcut or an Office file with macros is refused (opening it
 * would run it); anything else is not opened either, as PerfDesk cannot tell what it would do.
 * The type is the name's last extension, read from the cleaned name ({@link SafeText#fileName}).
 */
public final class DocumentTypes {
    /** What opening a file of this name would do. */
    public enum Kind {
        /** A document or picture: opened with the system's viewer. */
        DOCUMENT,
        /** It could run a program: never opened. */
        EXECUTABLE,
        /** Not a type PerfDesk knows: not opened. */
        OTHER
    }

    /** Documents and pictures, including the Chinese office formats (WPS, OFD). */
    public static final Set<String> DOCUMENTS = Set.of("pdf", "ofd", "doc", "docx", "wps", "wpt", "xls", "xlsx",
            "et", "ett", "ppt", "pptx", "dps", "dpt", "odt", "ods", "odp", "rtf", "txt", "csv", "jpg", "jpeg", "png",
            "gif", "bmp", "tif", "tiff", "webp");

    /** Programs, scripts, installers, shortcuts, disk images and Office files with macros. */
    public static final Set<String> EXECUTABLES = Set.of("exe", "bat", "cmd", "com", "scr", "msi", "msp", "mst", "pif",
            "cpl", "dll", "sys", "js", "jse", "vbs", "vbe", "vb", "wsf", "wsh", "ws", "hta", "ps1", "psm1", "psd1",
            "ps1xml", "psc1", "msc", "lnk", "url", "inf", "reg", "scf", "chm", "hlp", "gadget", "application", "jar",
            "jnlp", "class", "sh", "bash", "zsh", "csh", "ksh", "command", "tool", "run", "bin", "desktop",
            "appimage", "app", "pkg", "dmg", "deb", "rpm", "apk", "py", "pyw", "pl", "rb", "php", "iso", "img",
            "vhd", "vhdx", "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam", "sldm");

    private DocumentTypes() {
    }

    /** The kind of a (cleaned) file name; a name without an extension is {@link Kind#OTHER}. */
    public static Kind of(String fileName) {
        String ext = extension(fileName);
        if (ext == null) {
            return Kind.OTHER;
        }
        if (EXECUTABLES.contains(ext)) {
            return Kind.EXECUTABLE;
        }
        return DOCUMENTS.contains(ext) ? Kind.DOCUMENT : Kind.OTHER;
    }

    /** The last extension in lower case, or null. */
    public static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
