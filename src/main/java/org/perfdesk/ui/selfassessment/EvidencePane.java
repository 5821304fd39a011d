package org.perfdesk.ui.selfassessment;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.perfdesk.domain.Evidence;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.OpenFiles;

/** The selected indicator's evidence files: add (choose or drop), open, remove. */
final class EvidencePane extends VBox {
    private final SelfAssessmentViewModel vm;
    private final ListView<Evidence> list;

    EvidencePane(SelfAssessmentViewModel vm, BooleanBinding indicatorSelected) {
        super(4);
        this.vm = vm;
        setId("self-evidence-pane");
        list = new ListView<>(vm.evidence());
        list.setId("self-evidence");
        list.setPlaceholder(new Label(Texts.t("self.noEvidence")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Evidence e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.fileName() + "（" + size(e.size()) + "）");
            }
        });
        Button add = Mnemonics.set(new Button(Texts.t("self.attach")), 'A');
        add.setId("self-attach");
        add.disableProperty().bind(indicatorSelected.not());
        add.setOnAction(e -> choose());
        Button open = Mnemonics.set(new Button(Texts.t("self.open")), 'O');
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> open(list.getSelectionModel().getSelectedItem()));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open(list.getSelectionModel().getSelectedItem());
            }
        });
        Button remove = new Button(Texts.t("self.detach"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.detach(list.getSelectionModel().getSelectedItem()));
        list.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && indicatorSelected.get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        list.setOnDragDropped(e -> {
            attach(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });
        Label title = new Label(Texts.t("self.evidence"));
        title.getStyleClass().add("section-title");
        getChildren().addAll(title, new HBox(6, add, open, remove), list);
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    /** Adds files to the selected indicator (chosen, dropped, or handed over). */
    void attach(List<Path> files) {
        vm.attach(files);
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("self.attach"));
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            attach(files.stream().map(File::toPath).toList());
        }
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1 << 20 ? (bytes >> 10) + " KB" : (bytes >> 20) + " MB";
    }

    private void open(Evidence e) {
        OpenFiles.openCopy(getScene().getWindow(), e.fileName(), () -> vm.openableCopy(e));
    }
}
