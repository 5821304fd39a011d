package org.perfdesk.ui.settings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;
import org.perfdesk.domain.IssuedDocument;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.report.Documents;
import org.perfdesk.ui.common.Forms;
import org.perfdesk.ui.common.Layouts;
import org.perfdesk.ui.common.SideBySide;
import org.perfdesk.ui.common.Screen;
import org.perfdesk.ui.common.Styles;
import org.perfdesk.ui.common.WorkspaceContext;

/**
 * 公文: who issues the workspace's official documents, set once and used by every document it writes —
 * the issuing bodies (several for a joint document, the leading one first) with their 发文机关标志, the
 * word after them, the 文号 prefix and the number this year starts from, the 主送 and 抄送, the 印发机关
 * and, for reports sent up, the 签发人; a preview of the 版头 and 版记; and the register of the 文号 used.
 * Saved as typed whenever the form has no problem; the problems are listed until they are put right.
 */
public final class DocumentsView implements Screen {
    /** An issuer being edited. */
    private static final class IssuerRow {
        String name;
        String mark;

        IssuerRow(String name, String mark) {
            this.name = name;
            this.mark = mark;
        }
    }

    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final ObservableList<IssuerRow> issuers = FXCollections.observableArrayList();
    private final TableView<IssuerRow> issuerTable = new TableView<>(issuers);
    private final TextField suffix = field("docs-suffix", 6);
    private final TextField prefix = field("docs-prefix", 8);
    private final TextField next = field("docs-next", 5);
    private final TextField mainTo = field("docs-main-to", 30);
    private final TextArea copyTo = new TextArea();
    private final TextField printedBy = field("docs-printed-by", 24);
    private final TextField signer = field("docs-signer", 10);
    private final Label preview = new Label();
    private final ListView<String> problems = new ListView<>();
    private final ListView<String> register = new ListView<>();
    /** The identity as last saved or loaded: a form equal to it is not saved again. */
    private DocumentIdentity shown;
    private boolean filling;

    public DocumentsView(WorkspaceContext ctx) {
        this.ctx = ctx;
        Label title = Styles.screen(root, "screen-documents", Texts.t("nav.documents"));
        Label hint = new Label(Texts.t("docs.settings.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        root.setTop(new VBox(4, title, hint));

        issuerTable.setId("docs-issuers");
        issuerTable.setEditable(true);
        issuerTable.setPrefHeight(110);
        issuerTable.getColumns().add(column("docs.issuer.name", 230, r -> r.name, (r, v) -> r.name = v));
        issuerTable.getColumns().add(column("docs.issuer.mark", 230, r -> r.mark, (r, v) -> r.mark = v));
        Button add = new Button(Texts.t("docs.issuer.add"));
        add.setId("docs-issuer-add");
        add.setOnAction(e -> {
            issuers.add(new IssuerRow(Texts.t("docs.issuer.new"), ""));
            changed();
        });
        Button remove = new Button(Texts.t("docs.issuer.remove"));
        remove.disableProperty().bind(issuerTable.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            issuers.remove(issuerTable.getSelectionModel().getSelectedItem());
            changed();
        });
        Button up = new Button(Texts.t("docs.issuer.up"));
        up.disableProperty().bind(issuerTable.getSelectionModel().selectedIndexProperty().lessThan(1));
        up.setOnAction(e -> {
            int i = issuerTable.getSelectionModel().getSelectedIndex();
            IssuerRow r = issuers.remove(i);
            issuers.add(i - 1, r);
            issuerTable.getSelectionModel().select(i - 1);
            changed();
        });

        copyTo.setId("docs-copy-to");
        copyTo.setPrefRowCount(2);
        copyTo.setWrapText(true);
        copyTo.setPromptText(Texts.t("docs.copyTo.prompt"));
        mainTo.setPromptText(Texts.t("docs.mainTo.prompt"));
        GridPane form = Forms.grid();
        int row = 0;
        form.addRow(row++, new Label(Texts.t("docs.field.suffix")), suffix);
        // The prefix and the start number stay on one line, neither squeezed: the form is never narrower.
        prefix.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        Label nextLabel = new Label(Texts.t("docs.field.next"));
        nextLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox numbering = new HBox(6, prefix, nextLabel, next);
        numbering.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(row++, new Label(Texts.t("docs.field.prefix")), numbering);
        form.addRow(row++, new Label(Texts.t("docs.field.mainTo")), mainTo);
        form.addRow(row++, new Label(Texts.t("docs.field.copyTo")), copyTo);
        form.addRow(row++, new Label(Texts.t("docs.field.printedBy")), printedBy);
        if (ctx.role() != Role.OFFICE) {
            form.addRow(row, new Label(Texts.t("docs.field.signer")), signer);
        }
        for (TextField f : List.of(suffix, prefix, next, mainTo, printedBy, signer)) {
            f.textProperty().addListener((o, a, b) -> changed());
        }
        copyTo.textProperty().addListener((o, a, b) -> changed());

        preview.setId("docs-preview");
        preview.setWrapText(true);
        problems.setId("docs-problems");
        problems.setPrefHeight(70);
        register.setId("docs-register");
        register.setPlaceholder(new Label(Texts.t("docs.register.empty")));
        VBox left = new VBox(8, section("docs.issuers"), issuerTable, Layouts.toolbar(add, remove, up), form);
        left.setPrefWidth(520);
        VBox right = new VBox(8, section("docs.preview"), preview, section("docs.problems"), problems,
                section("docs.register"), register);
        VBox.setVgrow(register, Priority.ALWAYS);
        right.setPrefWidth(380);
        right.setMinWidth(280);
        // The issuers and form beside the preview and register where the width holds both, else one under
        // the other; the whole scrolls downwards.
        root.setCenter(Layouts.form(new SideBySide(24, left, right)));
    }

    private static Label section(String key) {
        Label l = new Label(Texts.t(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TextField field(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private TableColumn<IssuerRow, String> column(String key, double width, java.util.function.Function<IssuerRow,
            String> get, java.util.function.BiConsumer<IssuerRow, String> set) {
        TableColumn<IssuerRow, String> c = new TableColumn<>(Texts.t(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(get.apply(x.getValue())));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> {
            set.accept(e.getRowValue(), e.getNewValue());
            changed();
        });
        return c;
    }

    private void load() {
        ctx.tasks().run(Texts.t("task.loadDocuments"), () -> new Object[] {Documents.identity(ctx.workspace()),
            ctx.workspace().documents().register()}, r -> {
                show((DocumentIdentity) r[0]);
                @SuppressWarnings("unchecked")
                List<IssuedDocument> used = (List<IssuedDocument>) r[1];
                register.getItems().setAll(used.stream().map(d -> Texts.t("docs.register.line", d.number().text(),
                        d.dated().toString(), d.title(), d.recipient())).toList());
            });
    }

    private void show(DocumentIdentity id) {
        filling = true;
        try {
            shown = id;
            issuers.setAll(id.issuers().stream().map(i -> new IssuerRow(i.name(), i.mark().equals(i.name()) ? ""
                    : i.mark())).toList());
            suffix.setText(id.markSuffix());
            prefix.setText(id.numberPrefix());
            next.setText(String.valueOf(id.firstNumber(LocalDate.now().getYear())));
            mainTo.setText(id.mainTo());
            copyTo.setText(String.join("、", id.copyTo()));
            printedBy.setText(id.printedBy());
            signer.setText(id.signer());
        } finally {
            filling = false;
        }
        check(id);
    }

    /** The form as an identity; a start number that is no whole number becomes 0, which problems() names. */
    private DocumentIdentity edited() {
        List<DocumentIdentity.Issuer> is = new ArrayList<>();
        for (IssuerRow r : issuers) {
            is.add(new DocumentIdentity.Issuer(r.name, r.mark));
        }
        int start = TypedInput.number(next.getText()).filter(n -> n.stripTrailingZeros().scale() <= 0)
                .map(java.math.BigDecimal::intValue).orElse(0);
        List<String> copies = List.of(copyTo.getText().split("[、，,；;\\n]+"));
        return new DocumentIdentity(is, suffix.getText(), prefix.getText(), start, LocalDate.now().getYear(),
                mainTo.getText(), copies, printedBy.getText(), signer.getText());
    }

    private void changed() {
        if (filling || shown == null) {
            return;
        }
        DocumentIdentity id = edited();
        if (check(id) && !id.equals(shown)) {
            shown = id;
            ctx.tasks().run(Texts.t("task.saveDocuments"), () -> {
                ctx.workspace().documents().saveIdentity(id);
                return id;
            }, saved -> ctx.saved());
        }
    }

    /** Lists the problems and the preview; true when the identity can be saved. */
    private boolean check(DocumentIdentity id) {
        // A start number that is no whole number reaches the identity as 0: the message names what was typed.
        List<String> found = id.problems().stream().map(p -> p.key().equals("docs.problem.nextNumber")
                ? Texts.t(p.key(), next.getText()) : Texts.t(p.key(), (Object[]) p.args())).toList();
        problems.getItems().setAll(found.isEmpty() ? List.of(Texts.t("docs.ok")) : found);
        int year = LocalDate.now().getYear();
        preview.setText(id.letterhead() ? Texts.t("docs.preview.letterhead", String.join(" / ", id.issuers().stream()
                        .map(DocumentIdentity.Issuer::mark).toList()) + id.markSuffix(),
                new DocumentNumber(id.numberPrefix(), year, id.firstNumber(year)).text(), id.copyToText(), id.printedBy())
                : Texts.t("docs.preview.none", String.join("、", id.issuerNames())));
        return found.isEmpty();
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void refresh() {
        load();
    }
}
