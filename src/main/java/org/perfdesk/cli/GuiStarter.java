package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.List;

/** Starts the window; given to the command line by the launcher so that cli does not depend on ui. */
@FunctionalInterface
public interface GuiStarter {
    /**
     * @param workspace the workspace to open, or null for the last one used (or the first-start choice)
     * @param demo      open the demo workspace, building it first if needed
     * @param packages  package files to show in the import screen (a double-clicked .perfpkg)
     * @return the exit status
     */
    int start(Path workspace, boolean demo, List<Path> packages);
}
