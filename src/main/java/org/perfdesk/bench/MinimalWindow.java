package org.perfdesk.bench;

import java.lang.management.ManagementFactory;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor of the start-up figure: the least a JavaFX program does to show a window of the same size,
 * started the same way (class path, a plain main class). Prints the same line as PerfDesk with
 * {@code -Dperfdesk.timing=true}.
 */
public final class MinimalWindow {
    private MinimalWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("PerfDesk"), 1280, 800));
            stage.setOnShown(e -> System.out.println("window shown after "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms"));
            stage.show();
        }
    }
}
