package org.perfdesk.ui.shell;

import java.util.function.Supplier;

import org.perfdesk.ui.common.Screen;

/** One line of the navigation: its id (also the node id "nav-<id>"), its text key and how to build its screen. */
public record NavEntry(String id, String labelKey, Supplier<Screen> factory) {
}
