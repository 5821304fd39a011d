package org.perfdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.intake.EnrollmentHandler;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.pkg.PackageWriter;
import org.perfdesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Enrollment: a unit pins the office's card and sends its key; the office registers it.",
            "单位登记：单位确认效能办名片并报送密钥，效能办核对指纹后登记。"},
        subcommands = {EnrollCommand.Pin.class, EnrollCommand.Request.class, EnrollCommand.Show.class,
            EnrollCommand.Accept.class})
final class EnrollCommand {

    @Command(name = "pin", mixinStandardHelpOptions = true,
            description = {"Unit: trust the office's card after comparing its fingerprint by phone.",
                "单位：电话核对指纹后，确认效能办名片。"})
    static final class Pin implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--card", required = true, paramLabel = "FILE", description = "The office's card. 效能办名片。")
        Path card;
        @Option(names = "--fingerprint", required = true, paramLabel = "FP",
                description = "The fingerprint the office read out. 效能办在电话中读出的指纹。")
        String fingerprint;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var c = KeyRegistry.readCard(card);
                KeyRegistry.pinOffice(ws, c, fingerprint);
                spec.commandLine().getOut().println(Texts.t("cli.enroll.pinned", c.code(), c.name(), c.fingerprint()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = {"Unit: write the enrollment package for the office.", "单位：生成登记数据包报送效能办。"})
    static final class Request implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where to write it. 输出位置。")
        Path out;

        @Override
        public Integer call() {
            try (Workspace ws = Workspace.open(workspace)) {
                var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
                PackageWriter.Written w = new Exporter(ws, signer)
                        .exportUnitPackage(PackageKind.ENROLLMENT, ws.currentYear(), out, null);
                PrintWriter o = spec.commandLine().getOut();
                o.println(Texts.t("cli.written", w.file().toAbsolutePath().toString()));
                o.println(Texts.t("cli.keys.fingerprint", WorkspaceKeys.info(ws).fingerprint()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show who an enrollment package is from and its fingerprint; with --workspace, also what "
                + "accepting it would do.", "查看登记数据包的单位和指纹；加 --workspace 时同时显示登记后的结果。"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", paramLabel = "DIR",
                description = "The office's workspace, to show what accepting would do. 效能办工作区，用于预览登记结果。")
        Path workspace;
        @Parameters(paramLabel = "FILE", description = "Enrollment package. 登记数据包。")
        Path file;

        @Override
        public Integer call() {
            var r = Enrollments.read(file);
            PrintWriter o = spec.commandLine().getOut();
            o.println(Texts.t("cli.enroll.request", r.unitCode(), r.unitName(), r.fingerprint()));
            o.println(Texts.t("cli.enroll.kind", Texts.current().of(r.enrollment().unit().kind())));
            if (workspace != null) {
                try (Workspace ws = Workspace.open(workspace)) {
                    printPreview(o, Enrollments.preview(ws, r, EnrollmentHandler.Decision.of(r.fingerprint())));
                }
            }
            return Cli.OK;
        }
    }

    /** Where the unit would sit, how it would be ranked, and what it replaces or takes over. */
    static void printPreview(PrintWriter o, EnrollmentHandler.Preview p) {
        o.println(Texts.t("cli.enroll.placement", p.unit().parentCode(), p.unit().group() == null
                ? Texts.t("cli.enroll.notRanked") : Texts.current().of(p.unit().group())));
        if (p.replacesKey()) {
            o.println(Texts.t("cli.enroll.replaces", p.unit().code(), String.join(", ", p.oldFingerprints()),
                    p.newFingerprint()));
        }
        if (p.describedBy() != null) {
            o.println(Texts.t("cli.enroll.describedBy", p.unit().code(), p.describedBy().name(),
                    p.unit().parentCode()));
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = {"Office: register a unit's key after comparing the fingerprint, and write its certificate. "
                + "Where the unit sits and how it is ranked is the office's decision (--parent, --group), never "
                + "the request's.",
                "效能办：核对指纹后登记单位密钥，并生成证书数据包。上级单位和排名分组由效能办决定（--parent、--group），不取自申请。"})
    static final class Accept implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "Workspace folder. 工作区文件夹。")
        Path workspace;
        @Option(names = "--fingerprint", required = true, paramLabel = "FP",
                description = "The fingerprint the unit read out. 单位在电话中读出的指纹。")
        String fingerprint;
        @Option(names = "--out", required = true, paramLabel = "FILE|DIR", description = "Where to write the certificate. 证书输出位置。")
        Path out;
        @Option(names = "--parent", paramLabel = "CODE",
                description = {"The unit's parent: this workspace's unit (default) or a collector registered below it.",
                    "上级单位：本单位（默认）或本单位下已登记的汇总单位。"})
        String parent;
        @Option(names = "--group", paramLabel = "GROUP",
                description = {"Ranking group: CITY_GOVERNMENTS, PROVINCIAL_DEPARTMENTS or NONE (default: by kind; "
                    + "when re-enrolling, as before).", "排名分组：设区市政府、省直部门或 NONE（默认按单位类型；重新登记时不变）。"})
        String group;
        @Option(names = "--replace-key",
                description = {"Confirm that a unit registered before replaces its key (the old key is revoked).",
                    "确认已登记单位更换密钥（旧密钥同时吊销）。"})
        boolean replaceKey;
        @Parameters(paramLabel = "FILE", description = "Enrollment package. 登记数据包。")
        Path file;

        @Override
        public Integer call() {
            EnrollmentHandler.Decision d = EnrollmentHandler.Decision.of(fingerprint).replacingKey(replaceKey);
            if (parent != null) {
                d = d.withParent(parent.strip());
            }
            if (group != null) {
                d = d.withGroup(rankingGroup(group));
            }
            try (Workspace ws = Workspace.open(workspace)) {
                var r = Enrollments.read(file);
                EnrollmentHandler.Preview preview = EnrollmentHandler.check(ws, r.enrollment(), d);
                var signer = WorkspaceKeys.unlock(ws, Passphrases.read(false));
                PackageWriter.Written w = Enrollments.accept(ws, signer, file, d, out);
                PrintWriter o = spec.commandLine().getOut();
                o.println(Texts.t("cli.enroll.accepted", preview.unit().code(), preview.unit().name(),
                        w.file().toAbsolutePath().toString()));
                printPreview(o, preview);
            }
            return Cli.OK;
        }

        private RankingGroup rankingGroup(String text) {
            String t = text.strip().toUpperCase(java.util.Locale.ROOT);
            if (t.equals("NONE")) {
                return null;
            }
            try {
                return RankingGroup.valueOf(t);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        Texts.t("cli.enroll.badGroup", text));
            }
        }
    }
}
