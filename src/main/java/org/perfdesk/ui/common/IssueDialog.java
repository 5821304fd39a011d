package org.perfdesk.ui.common;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.perfdesk.domain.DocumentIdentity;
import org.perfdesk.domain.DocumentNumber;
import org.perfdesk.domain.IssuedDocument;
import org.perfdesk.domain.Texts;
import org.perfdesk.domain.TypedInput;
import org.perfdesk.report.Documents;
import org.perfdesk.report.Issue;

/**
 * Asks how an official document goes out before it is written: its 成文日期 (today unless changed) and,
 * when the workspace numbers its documents, its 文号 — the next one not used, or another typed; a number
 * already given to another document is named and refused. Without a 文号 prefix the dialog says the
 * document will have no 版头 and where to set one (公文).
 */
public final class IssueDialog {
    private IssueDialog() {
    }

    /** What the dialog needs from the workspace, read in the background. */
    private record Known(DocumentIdentity identity, List<IssuedDocument> register) {
    }

    /**
     * Loads the identity and the numbers used, shows the dialog, and hands the chosen issue to {@code then}.
     *
     * @param kind  the register's kind of document ({@link Documents#NOTICE}, …): re-exporting the same
     *              document (kind, title, recipient) under its own number is allowed
     * @param title the document's title, shown and compared with the register
     */
    public static void ask(Window owner, WorkspaceContext ctx, String kind, String title, String recipient,
                           Consumer<Issue> then) {
        ctx.tasks().run(Texts.t("task.loadDocuments"), () -> new Known(Documents.identity(ctx.workspace()),
                ctx.workspace().documents().register()), known -> show(owner, known, kind, title, recipient)
                .ifPresent(then));
    }

    private static Optional<Issue> show(Window owner, Known known, String kind, String title, String recipient) {
        DocumentIdentity id = known.identity();
        Dialog<Issue> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.t("docs.issue.title"));
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId("issue-dialog");
        DatePicker date = DatePickers.typed(() -> LocalDate.now().getYear());
        date.setId("issue-date");
        date.setValue(LocalDate.now());
        GridPane form = Forms.grid();
        form.addRow(0, new Label(Texts.t("docs.issue.date")), date);
        TextField number = new TextField();
        number.setId("issue-number");
        number.setPrefColumnCount(5);
        Label prefix = new Label();
        Label problem = new Label();
        problem.setId("issue-problem");
        problem.getStyleClass().add("warning");
        problem.setWrapText(true);
        Label hint = new Label(id.letterhead() ? Texts.t("docs.issue.numbered") : Texts.t("docs.issue.noLetterhead"));
        hint.setId("issue-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        if (id.letterhead()) {
            form.addRow(1, new Label(Texts.t("docs.issue.number")), new HBox(2, prefix, number,
                    new Label(Texts.t("docs.issue.numberSuffix"))));
        }
        Runnable update = () -> {
            LocalDate d = chosen(date);
            int year = d == null ? LocalDate.now().getYear() : d.getYear();
            prefix.setText(id.numberPrefix() + "〔" + year + "〕");
            problem.setText(problemOf(known, kind, title, recipient, d, number.getText()));
        };
        int[] shownYear = {LocalDate.now().getYear()};
        number.setText(String.valueOf(next(known, shownYear[0])));
        date.valueProperty().addListener((o, a, d) -> {
            // A new year starts its numbers again: propose that year's next one, unless a number was typed.
            if (d != null && d.getYear() != shownYear[0]) {
                if (number.getText().equals(String.valueOf(next(known, shownYear[0])))) {
                    number.setText(String.valueOf(next(known, d.getYear())));
                }
                shownYear[0] = d.getYear();
            }
            update.run();
        });
        date.getEditor().textProperty().addListener((o, a, b) -> update.run());
        number.textProperty().addListener((o, a, b) -> update.run());
        update.run();
        dialog.getDialogPane().setContent(new VBox(8, form, problem, hint));
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> !problem.getText().isEmpty(), problem.textProperty()));
        dialog.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            LocalDate d = chosen(date);
            return id.letterhead() ? new Issue(id, d, new DocumentNumber(id.numberPrefix(), d.getYear(),
                    Integer.parseInt(TypedInput.normalized(number.getText())))) : Issue.unnumbered(id, d);
        });
        return dialog.showAndWait();
    }

    /** The date as typed, even before the field has taken it as its value; null when it is not one. */
    private static LocalDate chosen(DatePicker date) {
        String text = DatePickers.typedText(date);
        return TypedInput.normalized(text).isEmpty() ? date.getValue()
                : TypedInput.date(text, LocalDate.now().getYear()).orElse(null);
    }

    /** The first number not used in {@code year} from where the identity starts. */
    private static int next(Known known, int year) {
        DocumentIdentity id = known.identity();
        int n = id.firstNumber(year);
        for (IssuedDocument d : known.register()) {
            if (d.number().prefix().equals(id.numberPrefix()) && d.number().year() == year && d.number().number() >= n) {
                n = d.number().number() + 1;
            }
        }
        return n;
    }

    /** Why the choice cannot be used, or "" when it can. */
    private static String problemOf(Known known, String kind, String title, String recipient, LocalDate date,
                                    String typed) {
        if (date == null) {
            return Texts.t("docs.issue.badDate");
        }
        DocumentIdentity id = known.identity();
        if (!id.letterhead()) {
            return "";
        }
        Optional<java.math.BigDecimal> n = TypedInput.number(typed);
        if (n.isEmpty() || n.get().signum() <= 0 || n.get().stripTrailingZeros().scale() > 0
                || n.get().compareTo(java.math.BigDecimal.valueOf(100_000)) > 0) {
            return Texts.t("docs.issue.badNumber", typed);
        }
        DocumentNumber wanted = new DocumentNumber(id.numberPrefix(), date.getYear(), n.get().intValue());
        IssuedDocument mine = new IssuedDocument(wanted, kind, title, recipient == null ? "" : recipient, date);
        return known.register().stream().filter(d -> d.number().equals(wanted) && !d.sameDocument(mine)).findFirst()
                .map(d -> Texts.t("docs.issue.used", wanted.text(), d.title(), d.dated().toString(),
                        String.valueOf(next(known, date.getYear())))).orElse("");
    }
}
