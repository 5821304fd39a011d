package org.perfdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.perfdesk.domain.ProgramInfo;
import org.perfdesk.domain.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;

@Command(name = "perfdesk",
        mixinStandardHelpOptions = true,
        versionProvider = PerfDeskCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "PerfDesk 绩效管理离线工作台 — offline performance management.",
        description = {
            "Without a command, starts the window. 不带命令时启动程序窗口。",
            "Commands run without a window. 下列命令在命令行中运行。"},
        footer = {"", "Exit status 退出码: 0 success 成功, 1 failure 失败, 2 wrong usage 用法错误."})
public final class PerfDeskCommand implements Callable<Integer> {
    /**
     * The sub-commands. Added to the command line only when one may be meant (Cli): building them all
     * costs picocli a noticeable part of a second, which a window start should not wait for.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(InitCommand.class, InfoCommand.class,
            DemoCommand.class, KeysCommand.class, EnrollCommand.class, ExportCommand.class, VerifyCommand.class,
            ImportCommand.class, ReviewCommand.class, ReportCommand.class, DiagramCommand.class, TreeCommand.class, OrgCommand.class,
            EvaluateCommand.class, AppraisalCommand.class, AuditCommand.class,
            FiguresCommand.class, ResultsCommand.class);

    private final GuiStarter gui;

    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace folder to open in the window. 要打开的工作区文件夹。")
    Path workspace;

    @picocli.CommandLine.Parameters(paramLabel = "FILE.perfpkg", arity = "0..*",
            description = "Packages to open in the import screen. 在导入界面中打开的数据包。")
    java.util.List<Path> packages = new java.util.ArrayList<>();

    @Option(names = "--demo",
            description = "Open the demo workspace (built on first use). 打开演示工作区（首次使用时自动生成）。")
    boolean demo;

    public PerfDeskCommand(GuiStarter gui) {
        this.gui = gui;
    }

    @Option(names = "--lang", paramLabel = "zh|en", scope = ScopeType.INHERIT,
            description = "Language of texts: zh (default) or en. 界面语言：zh（默认）或 en。")
    void setLanguage(String language) {
        if (!language.equals("zh") && !language.equals("en")) {
            throw new ParameterException(spec.commandLine(), "--lang must be zh or en / --lang 只能是 zh 或 en");
        }
        Texts.use(Texts.localeFor(language));
        LanguageChoice.set(language);
    }

    @Override
    public Integer call() {
        for (Path p : packages) {
            if (!p.getFileName().toString().endsWith(".perfpkg") && !java.nio.file.Files.isDirectory(p)) {
                throw new ParameterException(spec.commandLine(), Texts.t("cli.notAPackageArgument", p.toString()));
            }
        }
        return gui.start(workspace, demo, packages);
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ProgramInfo.NAME + " " + ProgramInfo.version()};
        }
    }
}
