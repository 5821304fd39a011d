package org.perfdesk.ui.goaltree;

import java.io.File;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.perfdesk.domain.Texts;
import org.perfdesk.report.diagram.DecompositionDiagram;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.WorkspaceContext;

/** 绩效目标分解流程示意图: the tree drawn as a chart, zoomable, exportable to PNG. */
public final class DiagramDialog extends Dialog<Void> {

    private DiagramDialog(Window owner, WorkspaceContext ctx, DecompositionDiagram diagram,
                          java.awt.image.BufferedImage image) {
        initOwner(owner);
        setTitle(diagram.title());
        setResizable(true);
        ImageView view = new ImageView(SwingFXUtils.toFXImage(image, null));
        view.setId("diagram-image");
        view.setPreserveRatio(true);
        Slider zoom = new Slider(0.25, 1.5, Math.min(1.0, 1100.0 / image.getWidth()));
        view.fitWidthProperty().bind(zoom.valueProperty().multiply(image.getWidth()));
        ScrollPane scroll = new ScrollPane(view);
        scroll.setPrefSize(1100, 600);
        scroll.setPannable(true);
        Button png = new Button(Texts.t("diagram.ui.export"));
        png.setId("diagram-export");
        png.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.t("diagram.ui.export"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            chooser.setInitialFileName(diagram.title() + ".png");
            File file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                ctx.tasks().run(Texts.t("task.exportDiagram"), () -> {
                    diagram.writePng(file.toPath());
                    return file;
                }, f -> Messages.info(getDialogPane().getScene().getWindow(), Texts.t("diagram.ui.exported"),
                        f.getAbsolutePath()));
            }
        });
        HBox bar = new HBox(8, new Label(Texts.t("diagram.ui.zoom")), zoom, png);
        bar.getStyleClass().add("toolbar");
        getDialogPane().setContent(new VBox(6, bar, scroll));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    /** Draws the diagram of the workspace's own unit in the background and shows it. */
    static void show(Window owner, WorkspaceContext ctx) {
        show(owner, ctx, ctx.self().code());
    }

    /** The same for any unit whose tree the workspace holds (the office reviewing a unit's plan). */
    public static void show(Window owner, WorkspaceContext ctx, String unit) {
        int year = ctx.year();
        ctx.tasks().run(Texts.t("task.drawDiagram"), () -> {
            DecompositionDiagram d = DecompositionDiagram.load(ctx.workspace(), unit, year);
            return new Object[] {d, d.render()};
        }, r -> new DiagramDialog(owner, ctx, (DecompositionDiagram) r[0], (java.awt.image.BufferedImage) r[1]).show());
    }
}
