package org.perfdesk.ui.common;

import java.nio.file.Path;
import java.util.List;

/** A screen that can take package files handed to the program (a double-clicked .perfpkg). */
public interface PackageReceiver {
    /** Checks the files and shows what importing them would do; nothing is written. */
    void preview(List<Path> files);
}
