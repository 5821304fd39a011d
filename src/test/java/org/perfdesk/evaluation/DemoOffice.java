package org.perfdesk.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.WorkspaceKeys;
import org.perfdesk.exchange.demo.DemoBuilder;
import org.perfdesk.report.xlsx.AppraisalXlsx;
import org.perfdesk.report.xlsx.FiguresXlsx;
import org.perfdesk.store.Workspace;

/**
 * The demo office at the stages of its year, the starting points of evaluation tests. The demo is built
 * once per folder (keys take seconds) and each stage once from the one before; each test gets a copy.
 */
public final class DemoOffice {
    private static final Set<Path> BUILT = new HashSet<>();
    private static final Map<Path, Path> IMPORTED = new HashMap<>();
    private static final Map<Path, Path> EVALUATED = new HashMap<>();
    private static final Map<Path, Path> APPROVED = new HashMap<>();

    private DemoOffice() {
    }

    /** A copy of the demo office in {@code into}/office with every demo package imported; closed. */
    public static synchronized Path importedCopy(Path demoDir, Path into) throws IOException {
        return copy(imported(demoDir), into);
    }

    private static Path imported(Path demoDir) throws IOException {
        return stage(IMPORTED, demoDir, "imported", null, office -> {
            // The demo's packages are encrypted for the office: imported with its unlocked keys.
            new Importer(office, WorkspaceKeys.unlock(office, DemoBuilder.PASSPHRASE.toCharArray()))
                    .importAll(List.of(demoDir.resolve(DemoBuilder.USB_FOLDER)), false);
        });
    }

    /**
     * The demo office with every unit's material for the year: packages, the public-appraisal form and
     * 省统计局's verified figures of the cities imported; not yet approved or frozen. Closed.
     */
    public static synchronized Path evaluatedCopy(Path demoDir, Path into) throws IOException {
        return copy(evaluated(demoDir), into);
    }

    private static Path evaluated(Path demoDir) throws IOException {
        Path from = imported(demoDir);
        return stage(EVALUATED, demoDir, "evaluated", from, office -> {
            AppraisalXlsx.apply(office, AppraisalXlsx.parse(office, 2008, Path.of("sample-data", "appraisal-2008.xlsx")));
            FiguresXlsx.apply(office, FiguresXlsx.parse(office, 2008, Path.of("sample-data", "figures-2008-省统计局.xlsx")));
        });
    }

    /**
     * The demo office at the end of its year: packages, the public-appraisal form and 省统计局's verified
     * figures of the cities imported, the results approved by the leading group (审定) and frozen — what
     * feedback is sent from. Closed.
     */
    public static synchronized Path approvedCopy(Path demoDir, Path into) throws IOException {
        Path from = evaluated(demoDir);
        return copy(stage(APPROVED, demoDir, "approved", from, office -> {
            Evaluator evaluator = new Evaluator(office);
            evaluator.approve(2008, LocalDate.of(2009, 3, 10), "省机关效能建设领导小组第十四次会议", "省机关效能建设领导小组", "");
            evaluator.freeze(2008, "按审定结果发布");
        }), into);
    }

    private interface Step {
        void on(Workspace office) throws IOException;
    }

    /** The stage's office, made once per demo folder from {@code from} (the demo's own office when null). */
    private static Path stage(Map<Path, Path> made, Path demoDir, String name, Path from, Step step)
            throws IOException {
        Path key = demoDir.toAbsolutePath();
        Path done = made.get(key);
        if (done != null) {
            return done;
        }
        if (BUILT.add(key)) {
            DemoBuilder.bundled().build(demoDir, "test");
        }
        Path dir = demoDir.resolve(".stage-" + name);
        copyFolder(from != null ? from : demoDir.resolve("office"), dir);
        try (Workspace office = Workspace.open(dir)) {
            step.on(office);
        }
        made.put(key, dir);
        return dir;
    }

    private static Path copy(Path stage, Path into) throws IOException {
        Path officeDir = into.resolve("office");
        if (Files.exists(officeDir)) {
            org.perfdesk.store.Folders.deleteQuietly(officeDir);
        }
        copyFolder(stage, officeDir);
        return officeDir;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("perfdesk.lock")) {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
