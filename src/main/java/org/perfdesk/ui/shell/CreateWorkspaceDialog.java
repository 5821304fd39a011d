package org.perfdesk.ui.shell;

import java.io.File;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.UserError;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.shell.CreateWorkspaceViewModel.Page;

/**
 * 新建工作区 as a wizard: the unit, the office's card (units only; may be skipped), the folder and
 * year, the passphrase. 下一步 stays disabled while the page has a problem, which is said under it.
 */
final class CreateWorkspaceDialog extends Dialog<CreateWorkspaceViewModel> {
    private final CreateWorkspaceViewModel vm;
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final Map<Page, Node> content = new EnumMap<>(Page.class);
    private final StackPane pageArea = new StackPane();

    CreateWorkspaceDialog(Window owner, CreateWorkspaceViewModel vm) {
        this.vm = vm;
        initOwner(owner);
        setTitle(Texts.t("create.title"));
        // Made per dialog, not static: their words follow the language chosen at the time.
        ButtonType back = new ButtonType(Texts.t("wizard.back"), ButtonData.BACK_PREVIOUS);
        ButtonType next = new ButtonType(Texts.t("wizard.next"), ButtonData.NEXT_FORWARD);
        ButtonType create = new ButtonType(Texts.t("wizard.create"), ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(back, next, create, ButtonType.CANCEL);

        content.put(Page.UNIT, unitPage());
        content.put(Page.CARD, cardPage());
        content.put(Page.FOLDER, folderPage());
        content.put(Page.PASSPHRASE, passphrasePage());

        javafx.beans.Observable[] dependencies = java.util.Arrays.copyOf(vm.fields(), vm.fields().length + 1);
        dependencies[dependencies.length - 1] = index;
        StringBinding problemHere = Bindings.createStringBinding(() -> vm.problemOn(page()), dependencies);
        Label problem = new Label();
        problem.setId("create-problem");
        problem.getStyleClass().add("validation");
        problem.setWrapText(true);
        problem.textProperty().bind(problemHere);
        VBox box = new VBox(12, pageArea, problem);
        box.setPrefWidth(600);
        box.setMinHeight(330);
        // A page taller than the screen scrolls, never spreading under the buttons (where it took their clicks).
        getDialogPane().setContent(org.perfdesk.ui.common.Layouts.form(box));

        Button backButton = (Button) getDialogPane().lookupButton(back);
        Button nextButton = (Button) getDialogPane().lookupButton(next);
        Button createButton = (Button) getDialogPane().lookupButton(create);
        backButton.setId("create-back");
        nextButton.setId("create-next");
        createButton.setId("create-finish");
        backButton.disableProperty().bind(index.isEqualTo(0));
        nextButton.disableProperty().bind(problemHere.isNotEmpty());
        createButton.disableProperty().bind(problemHere.isNotEmpty());
        // 下一步 and 上一步 turn the page instead of closing the dialog.
        nextButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            index.set(Math.min(index.get() + 1, vm.pages().size() - 1));
        });
        backButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            index.set(Math.max(index.get() - 1, 0));
        });
        index.addListener((o, a, b) -> showPage(nextButton, createButton));
        // Changing the role changes the pages (an office pins no card): start the count afresh.
        vm.roleProperty().addListener((o, a, b) -> {
            index.set(0);
            showPage(nextButton, createButton); // the count of pages and the office's rows change
        });
        showPage(nextButton, createButton);
        setResultConverter(button -> button == create ? vm : null);
    }

    private Page page() {
        List<Page> pages = vm.pages();
        return pages.get(Math.min(index.get(), pages.size() - 1));
    }

    private void showPage(Button next, Button create) {
        List<Page> pages = vm.pages();
        Page page = page();
        setHeaderText(Texts.t("wizard.step", index.get() + 1, pages.size(), Texts.t("create.page." + page.name())));
        pageArea.getChildren().setAll(content.get(page));
        boolean last = index.get() == pages.size() - 1;
        next.setVisible(!last);
        next.setManaged(!last);
        create.setVisible(last);
        create.setManaged(last);
        if (last) {
            create.setDefaultButton(true);
        } else {
            next.setDefaultButton(true);
        }
        refit();
    }

    /** The window takes the size of the page now shown (another page, or rows the role adds), within the screen. */
    private void refit() {
        javafx.application.Platform.runLater(() -> {
            javafx.stage.Window w = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
            if (w != null && w.isShowing()) {
                w.sizeToScene();
                org.perfdesk.ui.common.ScreenFit.fit(w);
            }
        });
    }

    private Node unitPage() {
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
        // The office chooses the algorithms; a unit takes its office's from the key file it imports next.
        ComboBox<org.perfdesk.exchange.crypto.Suite> suite = new ComboBox<>();
        suite.getItems().setAll(org.perfdesk.exchange.crypto.Suite.GM, org.perfdesk.exchange.crypto.Suite.INTL);
        suite.setId("create-suite");
        suite.setConverter(new StringConverter<>() {
            @Override
            public String toString(org.perfdesk.exchange.crypto.Suite s) {
                return s == null ? "" : s.label();
            }

            @Override
            public org.perfdesk.exchange.crypto.Suite fromString(String text) {
                return null;
            }
        });
        suite.valueProperty().bindBidirectional(vm.suiteProperty());
        suite.visibleProperty().bind(vm.roleProperty().isEqualTo(Role.OFFICE));
        suite.managedProperty().bind(suite.visibleProperty());
        Label suiteLabel = new Label(Texts.t("create.suite"));
        suiteLabel.visibleProperty().bind(suite.visibleProperty());
        suiteLabel.managedProperty().bind(suite.visibleProperty());
        Label suiteHint = hint(Texts.t("create.suiteText"));
        suiteHint.setId("create-suite-hint");
        suiteHint.visibleProperty().bind(suite.visibleProperty());
        suiteHint.managedProperty().bind(suite.visibleProperty());
        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, new Label(Texts.t("create.role")), role);
        grid.addRow(row++, new Label(Texts.t("create.code")), code);
        grid.addRow(row++, new Label(Texts.t("create.name")), name);
        grid.addRow(row++, new Label(Texts.t("create.kind")), kind);
        grid.addRow(row++, new Label(Texts.t("create.parent")), parent);
        grid.addRow(row, suiteLabel, suite);
        return new VBox(10, hint(Texts.t("create.header")), grid, suiteHint);
    }

    private Node cardPage() {
        // The path can also be pasted or typed (Enter reads it), as with the folder.
        TextField path = field("create-card-file", Texts.t("create.cardPrompt"));
        path.setOnAction(e -> {
            if (!path.getText().isBlank()) {
                loadCard(java.nio.file.Path.of(path.getText().strip()));
            }
        });
        Button choose = new Button(Texts.t("create.browse"));
        choose.setId("create-choose-card");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.t("create.chooseCard"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.t("create.cardFiles"), "*.json"));
            File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                path.setText(f.getAbsolutePath());
                loadCard(f.toPath());
            }
        });
        HBox pathRow = new HBox(6, path, choose);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button clear = new Button(Texts.t("create.skipCard"));
        clear.setId("create-clear-card");
        clear.setOnAction(e -> {
            vm.clearCard();
            path.clear();
        });
        clear.disableProperty().bind(vm.cardProperty().isNull());
        Label who = new Label();
        who.setId("create-card-who");
        Label inFile = new Label();
        inFile.setId("create-card-fingerprint");
        inFile.getStyleClass().add("fingerprint");
        who.textProperty().bind(Bindings.createStringBinding(() -> vm.card() == null ? Texts.t("create.noCard")
                : vm.card().name() + "（" + vm.card().code() + "）", vm.cardProperty()));
        inFile.textProperty().bind(Bindings.createStringBinding(() -> vm.card() == null ? ""
                : vm.card().fingerprint(), vm.cardProperty()));
        TextField typed = field("create-card-typed", "XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX");
        typed.textProperty().bindBidirectional(vm.typedFingerprintProperty());
        typed.disableProperty().bind(vm.cardProperty().isNull());
        GridPane grid = grid();
        grid.addRow(0, new Label(Texts.t("create.cardFile")), pathRow);
        grid.addRow(1, new Label(Texts.t("create.card")), new HBox(8, who, clear));
        grid.addRow(2, new Label(Texts.t("fingerprint.inFile")), inFile);
        grid.addRow(3, new Label(Texts.t("fingerprint.readOut")), typed);
        GridPane.setHgrow(pathRow, Priority.ALWAYS);
        return new VBox(10, hint(Texts.t("create.cardText")), grid, hint(Texts.t("fingerprint.hint")));
    }

    /** A card that cannot be read says why and changes nothing. */
    private void loadCard(java.nio.file.Path file) {
        try {
            vm.loadCard(file);
        } catch (UserError e) {
            Messages.error(getDialogPane().getScene().getWindow(), e);
        }
    }

    private Node folderPage() {
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
        Label where = new Label();
        where.setId("create-location-warning");
        where.getStyleClass().add("warning");
        where.setWrapText(true);
        where.textProperty().bind(vm.locationWarningProperty());
        Spinner<Integer> year = new Spinner<>(2000, 2100, vm.yearProperty().get());
        year.setId("create-year");
        year.setEditable(true);
        year.valueProperty().addListener((obs, old, y) -> vm.yearProperty().set(y));
        GridPane grid = grid();
        grid.addRow(0, new Label(Texts.t("create.folder")), folderRow);
        grid.add(where, 1, 1);
        grid.addRow(2, new Label(Texts.t("create.year")), year);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        return new VBox(10, hint(Texts.t("create.folderText")), grid);
    }

    private Node passphrasePage() {
        PasswordField passphrase = new PasswordField();
        passphrase.setId("create-passphrase");
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        PasswordField again = new PasswordField();
        again.setId("create-passphrase-again");
        again.textProperty().bindBidirectional(vm.passphraseAgainProperty());
        Label strength = new Label();
        strength.setId("create-strength");
        strength.textProperty().bind(Bindings.concat(Texts.t("create.strength"), vm.strengthProperty()));
        GridPane grid = grid();
        grid.addRow(0, new Label(Texts.t("create.passphrase")), passphrase);
        grid.addRow(1, new Label(Texts.t("create.passphraseAgain")), again);
        grid.add(strength, 1, 2);
        return new VBox(10, hint(Texts.t("create.passphraseText")), grid);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        return grid;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
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
