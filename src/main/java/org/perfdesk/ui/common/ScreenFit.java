package org.perfdesk.ui.common;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Every window (a dialog, the help, the diagram, the main window) fits the screen it opens on: one
 * that would be larger than the screen's free area (a 1024×600 screen less the taskbar) is made
 * that size and moved onto it, so its buttons are never below the bottom of the screen. Dialogs then
 * scroll or wrap their content rather than losing their buttons.
 */
public final class ScreenFit {
    private static boolean installed;

    private ScreenFit() {
    }

    /** Watches every window from now on; calling it again does nothing. FX thread. */
    public static void install() {
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> fit(w)));
            }
        });
    }

    /** Makes {@code w} no larger than the free area of its screen, and moves it onto it. FX thread. */
    public static void fit(Window w) {
        if (w instanceof javafx.stage.PopupWindow || Double.isNaN(w.getWidth()) || Double.isNaN(w.getHeight())) {
            return;
        }
        List<Screen> screens = Screen.getScreensForRectangle(w.getX(), w.getY(), Math.max(1, w.getWidth()),
                Math.max(1, w.getHeight()));
        Rectangle2D free = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        if (w.getWidth() > free.getWidth()) {
            w.setWidth(free.getWidth());
        }
        if (w.getHeight() > free.getHeight()) {
            w.setHeight(free.getHeight());
        }
        w.setX(Math.max(free.getMinX(), Math.min(w.getX(), free.getMaxX() - w.getWidth())));
        w.setY(Math.max(free.getMinY(), Math.min(w.getY(), free.getMaxY() - w.getHeight())));
    }
}
