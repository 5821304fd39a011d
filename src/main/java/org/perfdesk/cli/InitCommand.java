package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.Codes;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create a new workspace and its signing key; the passphrase comes from PERFDESK_PASSPHRASE "
            + "or is asked for.", "创建新的工作区及其签名密钥；口令取自 PERFDESK_PASSPHRASE 或在终端输入。"})
final class InitCommand implements Callable<Integer> {
    enum RoleOption { unit, office }

    enum KindOption { city, county, department }

    /** The algorithm suite: gm (国密 SM2/SM3/SM4, gm-1) or intl (Ed25519/SHA-256/AES, intl-1). */
    enum SuiteOption {
        gm(org.perfdesk.exchange.crypto.Suite.GM), intl(org.perfdesk.exchange.crypto.Suite.INTL);

        final org.perfdesk.exchange.crypto.Suite suite;

        SuiteOption(org.perfdesk.exchange.crypto.Suite suite) {
            this.suite = suite;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "DIR",
            description = "Folder to create the workspace in (empty or new). 工作区文件夹（空或不存在）。")
    Path workspace;

    @Option(names = "--role", required = true, paramLabel = "unit|office",
            description = "unit (单位) or office (效能办).")
    RoleOption role;

    @Option(names = "--code", required = true, paramLabel = "CODE",
            description = "Unit code: letters, digits, '-', '_'. 单位代码：字母、数字、'-'、'_'。")
    String code;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unit name. 单位名称。")
    String name;

    @Option(names = "--parent", paramLabel = "CODE",
            description = "Code of the unit reported to (usually the office). 上级单位代码（通常为效能办）。")
    String parent;

    @Option(names = "--kind", paramLabel = "city|county|department",
            description = "Kind of unit (default department). 单位类型（默认 department 部门）。")
    KindOption kind;

    @Option(names = "--year", paramLabel = "YEAR", description = "Plan year (default this year). 年度（默认今年）。")
    Integer year;

    @Option(names = "--suite", paramLabel = "gm|intl",
            description = {"Algorithms for signatures, check values and encryption: gm (国密 SM2/SM3/SM4) or intl "
                + "(Ed25519/SHA-256/AES, the default). A unit follows its office's key file when it imports it.",
                "签名、校验和加密所用算法：gm（国密 SM2/SM3/SM4）或 intl（国际算法，默认）。单位导入效能办密钥文件时随之采用效能办的算法。"})
    SuiteOption suite;

    @Override
    public Integer call() {
        if (!Codes.isValid(code)) {
            throw new CommandLine.ParameterException(spec.commandLine(), Texts.t("cli.init.badCode", code));
        }
        if (parent != null && !Codes.isValid(parent)) {
            throw new CommandLine.ParameterException(spec.commandLine(), Texts.t("cli.init.badCode", parent));
        }
        if (role == RoleOption.office && (parent != null || kind != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), Texts.t("cli.init.officeOptions"));
        }
        if (name.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), Texts.t("cli.init.noName"));
        }
        int y = year == null ? Workspace.Setup.defaultYear() : year;
        if (y < 2000 || y > 2100) {
            throw new CommandLine.ParameterException(spec.commandLine(), Texts.t("cli.init.badYear", String.valueOf(y)));
        }
        Role r = role == RoleOption.office ? Role.OFFICE : Role.UNIT;
        OrgKind k = r == Role.OFFICE ? OrgKind.OFFICE
                : kind == null ? OrgKind.DEPARTMENT : OrgKind.valueOf(kind.name().toUpperCase(java.util.Locale.ROOT));
        OrgUnit self = new OrgUnit(code, name, k, parent, RankingGroup.defaultFor(k), null);
        Workspaces.Created created = Workspaces.create(workspace, new Workspace.Setup(r, self, y, ProgramInfo.version()),
                Passphrases.read(true), suite == null ? Workspaces.defaultSuite() : suite.suite);
        try (Workspace ws = created.workspace()) {
            spec.commandLine().getOut().println(Texts.t("cli.init.done", ws.dir().toAbsolutePath().toString(),
                    Texts.current().of(r), code, name));
            spec.commandLine().getOut().println(Texts.t("cli.keys.suite", created.signer().suite().label()));
            spec.commandLine().getOut().println(Texts.t("cli.keys.fingerprint",
                    WorkspaceKeys.info(ws).fingerprint()));
        }
        return Cli.OK;
    }
}
