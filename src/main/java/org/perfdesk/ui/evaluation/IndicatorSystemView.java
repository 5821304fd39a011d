package org.perfdesk.ui.evaluation;

import java.io.File;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.perfdesk.domain.IndicatorSystem;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.ui.common.Columns;
import org.perfdesk.ui.common.Dialogs;
import org.perfdesk.ui.common.Messages;
import org.perfdesk.ui.common.Mnemonics;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;

/**
 * 指标体系 at the office: the group chosen above, its indicators on the left, on the right each unit of the
 * group with how many indicators it linked and which it left out; import from a spreadsheet (problems listed
 * under the buttons), export, send to the group's units.
 */
public final class IndicatorSystemView implements Screen {
    private final IndicatorSystemViewModel vm;
    private final BorderPane root = new BorderPane();

    public IndicatorSystemView(IndicatorSystemViewModel vm) {
        this.vm = vm;
        Label title = Styles.screen(root, "screen-indicators", Texts.t("nav.system"));
        ComboBox<RankingGroup> group = new ComboBox<>();
        group.setId("indicators-group");
        group.getItems().setAll(RankingGroup.values());
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(RankingGroup g) {
                return g == null ? "" : Texts.current().of(g);
            }

            @Override
            public RankingGroup fromString(String s) {
                return null;
            }
        });
        group.valueProperty().bindBidirectional(vm.groupProperty());
        Button importButton = Mnemonics.set(new Button(Texts.t("system.office.import")), 'I');
        importButton.setId("indicators-import");
        importButton.setOnAction(e -> chooseAndImport());
        Button export = Mnemonics.set(new Button(Texts.t("system.office.export")), 'E');
        export.setId("indicators-export");
        export.setOnAction(e -> chooseAndExport());
        Button send = Mnemonics.set(new Button(Texts.t("system.office.send")), 'S');
        send.setId("indicators-send");
        send.getStyleClass().add("primary");
        send.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.items()));
        send.setOnAction(e -> send());
        var bar = org.perfdesk.ui.common.Layouts.toolbar(group, importButton, export, send);
        Label hint = new Label(Texts.t("system.office.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label summary = new Label();
        summary.setId("indicators-summary");
        summary.textProperty().bind(vm.summaryProperty());
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("indicators-problems");
        problems.setPrefHeight(80);
        problems.managedProperty().bind(problems.visibleProperty());
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        root.setTop(new VBox(4, title, bar, hint, summary, problems));

        TableView<IndicatorSystem.Item> items = new TableView<>(vm.items());
        items.setId("indicators-table");
        items.setPlaceholder(new Label(Texts.t("system.screen.empty")));
        items.getColumns().add(Columns.text("system.col.code", 70, IndicatorSystem.Item::code));
        items.getColumns().add(Columns.text("system.col.name", 240, i -> "　".repeat(Math.max(0, i.level() - 1))
                + i.name()));
        items.getColumns().add(Columns.text("system.col.weight", 50, i -> i.weight() == null ? ""
                : Numbers.plain(i.weight())));
        items.getColumns().add(Columns.text("system.col.source", 110, IndicatorSystem.Item::dataSource));
        TableView<IndicatorSystemViewModel.UnitLine> units = new TableView<>(vm.units());
        units.setId("indicators-units");
        units.setPlaceholder(new Label(Texts.t("system.office.noUnits")));
        units.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        units.getColumns().add(Columns.text("results.col.unit", 140, IndicatorSystemViewModel.UnitLine::unit));
        units.getColumns().add(Columns.text("system.office.col.linked", 70, u -> u.linked() + "/" + u.leaves()));
        units.getColumns().add(Columns.text("system.office.col.missing", 220, IndicatorSystemViewModel.UnitLine::missing));
        SplitPane split = new SplitPane(items, units);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setCenter(split);
    }

    private void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("system.office.import"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel", "*.xlsx", "*.xls", "*.csv"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.importFrom(file.toPath());
        }
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.t("system.office.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel (*.xlsx)", "*.xlsx"));
        chooser.setInitialFileName(vm.context().year() + Texts.current().of(vm.groupProperty().get()) + "指标体系.xlsx");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            vm.exportTo(file.toPath(), p -> Messages.info(root.getScene().getWindow(), Texts.t("system.office.exported"),
                    p.toAbsolutePath().toString()));
        }
    }

    private void send() {
        var window = root.getScene().getWindow();
        Dialogs.withSigner(window, vm.context(), signer -> vm.send(signer, n -> Messages.info(window,
                Texts.t("system.office.sent", n), Texts.t("overview.calendarSentText",
                        vm.context().workspace().outboxDir().toAbsolutePath().toString()))));
    }

    /** For tests: the state behind the screen (a file chooser cannot be driven headless). */
    IndicatorSystemViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        vm.load();
    }
}
