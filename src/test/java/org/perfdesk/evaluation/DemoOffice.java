package org.perfdesk.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.store.Workspace;

/**
 * The demo office as the office has it once every unit's packages are imported: the starting point
 * of evaluation tests. The demo is built once per folder (keys take seconds); each test gets a copy.
 */
public final class DemoOffice {
    private static final Set<Path> BUILT = new HashSet<>();

    private DemoOffice() {
    }

    /** A copy of the demo office in {@code into}/office with every demo package imported; closed. */
    public static synchronized Path importedCopy(Path demoDir, Path into) throws IOException {
        if (BUILT.add(demoDir.toAbsolutePath())) {
            DemoBuilder.bundled().build(demoDir, "test");
        }
        Path officeDir = into.resolve("office");
        Path from = demoDir.resolve("office");
        try (var all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = officeDir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.deleteIfExists(officeDir.resolve("perfdesk.lock"));
        try (Workspace office = Workspace.open(officeDir)) {
            // The demo's packages are encrypted for the office: imported with its unlocked keys.
            new Importer(office, WorkspaceKeys.unlock(office, DemoBuilder.PASSPHRASE.toCharArray()))
                    .importAll(List.of(demoDir.resolve(DemoBuilder.USB_FOLDER)), false);
        }
        return officeDir;
    }

    /**
     * The demo office at the end of its year: packages, the public-appraisal form and 省统计局's verified
     * figures of the cities imported, the results
     * approved by the leading group (审定) and frozen — what feedback is sent from. Closed.
     */
    public static synchronized Path approvedCopy(Path demoDir, Path into) throws IOException {
        Path officeDir = importedCopy(demoDir, into);
        try (Workspace office = Workspace.open(officeDir)) {
            org.perfdesk.report.xlsx.AppraisalXlsx.apply(office, org.perfdesk.report.xlsx.AppraisalXlsx.parse(office,
                    2008, Path.of("sample-data", "appraisal-2008.xlsx")));
            org.perfdesk.report.xlsx.FiguresXlsx.apply(office, org.perfdesk.report.xlsx.FiguresXlsx.parse(office,
                    2008, Path.of("sample-data", "figures-2008-省统计局.xlsx")));
            Evaluator evaluator = new Evaluator(office);
            evaluator.approve(2008, java.time.LocalDate.of(2009, 3, 10), "省机关效能建设领导小组第十四次会议",
                    "省机关效能建设领导小组", "");
            evaluator.freeze(2008, "按审定结果发布");
        }
        return officeDir;
    }
}
