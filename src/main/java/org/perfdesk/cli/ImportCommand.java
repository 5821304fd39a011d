package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.Receipts;
import org.perfdesk.exchange.Signer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.pkg.Limits;
import org.perfdesk.exchange.pkg.StrictJson;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Verify and import packages (files, or every .perfpkg in a folder).",
            "校验并导入数据包（文件，或文件夹中所有 .perfpkg）。",
            "Exit 0 when every package is accepted or already imported, 1 when any is rejected.",
            "Sealed packages are opened with this workspace's keys (the passphrase is asked for then)."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
    Path workspace;
    @Option(names = "--dry-run", description = "Check and report, change nothing. 只预览，不写入。")
    boolean dryRun;
    @Option(names = "--json", description = "Print the reports as JSON. 以 JSON 输出结果。")
    boolean json;
    @Option(names = "--receipts", paramLabel = "DIR",
            description = "Write a signed receipt for each accepted package into DIR. 为每个接收的数据包生成签名回执。")
    Path receipts;
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Packages or folders. 数据包或文件夹。")
    List<Path> files;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(workspace)) {
            // The passphrase is asked once, and only when needed: receipts to sign, or a sealed package to open.
            Signer[] unlocked = {null};
            java.util.function.Supplier<Signer> keys = () -> {
                if (unlocked[0] == null) {
                    unlocked[0] = WorkspaceKeys.unlock(ws, Passphrases.read(false));
                }
                return unlocked[0];
            };
            Signer signer = receipts != null && !dryRun ? keys.get() : null;
            Importer importer = new Importer(ws, Limits.DEFAULT, () -> keys.get().keyRing());
            PrintWriter out = spec.commandLine().getOut();
            if (!json && !dryRun) {
                // Each report printed (and answered) as its package is done, none kept: a national roll-up
                // is a thousand packages.
                boolean[] allOk = {true};
                importer.importEach(files, r -> {
                    print(out, r, "");
                    out.flush();
                    if (signer != null) {
                        writeReceipts(ws, signer, r);
                    }
                    allOk[0] &= r.ok() || ENROLLMENT.equals(r.code());
                });
                return allOk[0] ? Cli.OK : Cli.FAILED;
            }
            List<ImportReport> reports = importer.importAll(files, dryRun);
            if (json) {
                out.println(new String(StrictJson.write(reports), StandardCharsets.UTF_8));
            } else {
                reports.forEach(r -> print(out, r, ""));
            }
            if (signer != null) {
                for (ImportReport r : reports) {
                    writeReceipts(ws, signer, r);
                }
            }
            return reports.stream().allMatch(r -> r.ok() || ENROLLMENT.equals(r.code())) ? Cli.OK : Cli.FAILED;
        }
    }

    private void writeReceipts(Workspace ws, Signer signer, ImportReport r) {
        if (r.accepted()) {
            var w = Receipts.write(ws, signer, r.packageId(), receipts);
            spec.commandLine().getErr().println(Texts.t("cli.import.receipt", w.file().toAbsolutePath().toString()));
        }
        // Inner packages were addressed to the collector, which answers them; the receipt for the
        // outer package covers what the collector forwarded.
    }

    /** The code of an enrollment request met in a batch: waiting for {@code enroll accept}, not refused. */
    private static final String ENROLLMENT = "enrollment-needs-confirmation";

    static void print(PrintWriter out, ImportReport r, String indent) {
        if (ENROLLMENT.equals(r.code())) {
            // Not refused: an enrollment request is registered by its own command, after the phone call.
            out.println(indent + "→ " + r.file() + ": " + Texts.t("cli.import.enrollment", r.sender(), r.file()));
            return;
        }
        String mark = switch (r.status()) {
            case ACCEPTED -> "✓";
            case ALREADY_IMPORTED -> "=";
            case REJECTED -> "✗";
        };
        out.println(indent + mark + " " + r.file() + ": " + r.message());
        if (r.counts() != null && r.status() == ImportReport.Status.ACCEPTED) {
            var c = r.counts();
            out.println(indent + "  " + Texts.t("cli.import.counts", c.added(), c.changed(), c.unchanged(), c.removed(),
                    c.flagged()));
        }
        if (r.inner() != null) {
            r.inner().forEach(i -> print(out, i, indent + "  "));
        }
    }
}
