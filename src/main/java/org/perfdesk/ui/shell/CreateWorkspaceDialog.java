package org.perfdesk.ui.shell;

import java.io.File;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;

/** 新建工作区: role, code, name, kind, parent, year and folder; OK only when complete. */
final class CreateWorkspaceDialog extends Dialog<CreateWorkspaceViewModel> {

    CreateWorkspaceDialog(Window owner, CreateWorkspaceViewModel vm) {
        initOwner(owner);
        setTitle(Texts.t("create.title"));
        setHeaderText(Texts.t("create.header"));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        ComboBox<Role> role = enumBox(Role.values());
        role.setId("create-role");
        role.valueProperty().bindBidirectional(vm.roleProperty());
        ComboBox<OrgKind> kind = enumBox(OrgKind.CITY, OrgKind.COUNTY, OrgKind.DEPARTMENT);
        kind.setId("create-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.disableProperty().bind(vm.roleProperty().isEqualTo(Role.OFFICE));
        TextField code = field("create-code", Texts.t("create.codePrompt"));
        code.textProperty().bindBidirectional(vm.codeProperty());
        TextField name = field("create-name", Texts.t("create.namePrompt"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField parent = field("create-parent", Texts.t("create.parentPrompt"));
        parent.textProperty().bindBidirectional(vm.parentProperty());
        parent.disableProperty().bind(vm.roleProperty().isEqualTo(Role.OFFICE));
        Spinner<Integer> year = new Spinner<>(2000, 2100, vm.yearProperty().get());
        year.setEditable(true);
        year.valueProperty().addListener((obs, old, y) -> vm.yearProperty().set(y));
        TextField folder = field("create-folder", "");
        folder.textProperty().bindBidirectional(vm.folderProperty());
        Button browse = new Button(Texts.t("create.browse"));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Texts.t("create.folder"));
            File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (dir != null) {
                vm.folderProperty().set(dir.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(6, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("create-passphrase");
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        PasswordField again = new PasswordField();
        again.setId("create-passphrase-again");
        again.textProperty().bindBidirectional(vm.passphraseAgainProperty());
        Label problem = new Label();
        problem.setId("create-problem");
        problem.getStyleClass().add("validation");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label(Texts.t("create.role")), role);
        grid.addRow(row++, new Label(Texts.t("create.code")), code);
        grid.addRow(row++, new Label(Texts.t("create.name")), name);
        grid.addRow(row++, new Label(Texts.t("create.kind")), kind);
        grid.addRow(row++, new Label(Texts.t("create.parent")), parent);
        grid.addRow(row++, new Label(Texts.t("create.year")), year);
        grid.addRow(row++, new Label(Texts.t("create.folder")), folderRow);
        grid.addRow(row++, new Label(Texts.t("create.passphrase")), passphrase);
        grid.addRow(row++, new Label(Texts.t("create.passphraseAgain")), again);
        grid.add(problem, 0, row, 2, 1);
        grid.setPrefWidth(560);
        getDialogPane().setContent(grid);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.problemProperty().isNotEmpty());
        setResultConverter(button -> button == ButtonType.OK ? vm : null);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(24);
        return f;
    }

    @SafeVarargs
    private static <E extends Enum<E>> ComboBox<E> enumBox(E... values) {
        ComboBox<E> box = new ComboBox<>();
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return Texts.current().of(value);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        return box;
    }
}
