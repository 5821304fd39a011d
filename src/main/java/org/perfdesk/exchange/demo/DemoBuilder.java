package org.perfdesk.exchange.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;

import org.perfdesk.domain.Completion;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.Role;
import org.perfdesk.domain.SelfAssessment;
import org.perfdesk.domain.UserError;
import org.perfdesk.exchange.Enrollments;
import org.perfdesk.exchange.Exporter;
import org.perfdesk.exchange.ImportReport;
import org.perfdesk.exchange.Importer;
import org.perfdesk.exchange.KeyRegistry;
import org.perfdesk.exchange.Workspaces;
import org.perfdesk.exchange.pkg.PackageKind;
import org.perfdesk.exchange.snapshot.Payloads;
import org.perfdesk.store.Folders;
import org.perfdesk.store.Workspace;
import org.perfdesk.exchange.demo.DemoFiles.MeasureSpec;
import org.perfdesk.exchange.demo.DemoFiles.Node;
import org.perfdesk.exchange.demo.DemoFiles.Org;
import org.perfdesk.exchange.demo.DemoFiles.PilotSet;
import org.perfdesk.exchange.demo.DemoFiles.ProgressSpec;
import org.perfdesk.exchange.demo.DemoFiles.UnitFile;

/**
 * Builds the demo: one workspace per pilot unit and one for the office, from the readable JSON in
 * {@code sample-data/demo-2008/} (bundled in the jar under the same path).
 */
public final class DemoBuilder {
    public static final String BUNDLED = "/sample-data/demo-2008/";
    public static final String OFFICE_FOLDER = "office";
    public static final String USB_FOLDER = "usb";
    /** The demo's passphrase for every workspace (written in the README). */
    public static final String PASSPHRASE = "perfdesk-demo";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final PilotSet pilotSet;
    private final List<UnitFile> units;

    private DemoBuilder(PilotSet pilotSet, List<UnitFile> units) {
        this.pilotSet = pilotSet;
        this.units = units;
    }

    /** The demo data inside the program. */
    public static DemoBuilder bundled() {
        PilotSet set = read(BUNDLED + "pilot-set.json", PilotSet.class);
        List<UnitFile> units = new ArrayList<>();
        for (String file : set.units()) {
            units.add(read(BUNDLED + file, UnitFile.class));
        }
        return new DemoBuilder(set, units);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DemoBuilder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo data missing from the program: " + resource);
            }
            return JSON.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new IllegalStateException("demo data unreadable: " + resource + ": " + e.getMessage(), e);
        }
    }

    public int year() {
        return pilotSet.year();
    }

    public OrgUnit office() {
        return toOrg(pilotSet.office(), null);
    }

    /** The pilot units, in the plan's order. */
    public List<OrgUnit> units() {
        return units.stream().map(u -> toOrg(u.unit(), pilotSet.office().code())).toList();
    }

    /** The folder inside {@code outDir} that holds the workspace of the given unit code. */
    public Path folderOf(Path outDir, String code) {
        return outDir.resolve(code.equals(pilotSet.office().code()) ? OFFICE_FOLDER : code);
    }

    /**
     * Creates the eight workspaces under {@code outDir}, every unit enrolled with the office (key
     * registered, certificate imported), and each unit's plan, half-year and annual packages (the last with
     * four quarters of progress and the self-assessment) in {@code outDir/usb/} for the office to import. Refuses to write over existing workspaces.
     * Returns the folders created, office first.
     */
    public List<Path> build(Path outDir, String programVersion) {
        List<Path> all = new ArrayList<>();
        all.add(folderOf(outDir, pilotSet.office().code()));
        for (OrgUnit u : units()) {
            all.add(folderOf(outDir, u.code()));
        }
        for (Path p : all) {
            if (Workspace.isWorkspace(p)) {
                throw new UserError("error.demo.exists", outDir.toString(), p.getFileName().toString());
            }
        }
        Path usb = outDir.resolve(USB_FOLDER);
        Path handover = outDir.resolve(".enrollment");
        try {
            Files.createDirectories(usb);
            Files.createDirectories(handover);
        } catch (IOException e) {
            throw new UserError(e, "error.workspace.createFailed", outDir.toString(), e.getMessage());
        }
        Workspaces.Created office = Workspaces.create(all.get(0),
                new Workspace.Setup(Role.OFFICE, office(), year(), programVersion), PASSPHRASE.toCharArray());
        try {
            Payloads.Card card = KeyRegistry.card(office.workspace());
            for (int i = 0; i < units.size(); i++) {
                buildUnit(all.get(i + 1), units.get(i), programVersion, office, card, usb, handover);
            }
        } finally {
            office.workspace().close();
            Folders.deleteQuietly(handover);
        }
        return all;
    }

    private void buildUnit(Path dir, UnitFile file, String programVersion, Workspaces.Created office,
                           Payloads.Card card, Path usb, Path handover) {
        OrgUnit self = toOrg(file.unit(), pilotSet.office().code());
        Workspaces.Created created = Workspaces.create(dir, new Workspace.Setup(Role.UNIT, self, year(), programVersion),
                PASSPHRASE.toCharArray());
        try (Workspace ws = created.workspace()) {
            List<OrgUnit> orgs = new ArrayList<>();
            for (Org o : Objects.requireNonNullElse(file.organisations(), List.<Org>of())) {
                orgs.add(toOrg(o, self.code()));
            }
            ws.orgUnits().saveAll(orgs);
            List<GoalNode> nodes = new ArrayList<>();
            List<Progress> progress = new ArrayList<>();
            List<SelfAssessment> assessments = new ArrayList<>();
            flatten(self.code(), file.goals(), null, "", nodes, progress, assessments);
            ws.goals().saveAll(nodes);
            // The half year first: the plan and the half-year report go out before the rest of the year is known.
            ws.progress().saveAll(progress.stream().filter(p -> p.quarter() <= 2).toList());

            // Enrollment as the people would do it, with the fingerprints "read over the phone".
            KeyRegistry.pinOffice(ws, card, card.fingerprint());
            DemoFiles.Sent sent = file.sent();
            Path request = exporter(ws, created, sent == null ? null : sent.enrollment())
                    .exportUnitPackage(PackageKind.ENROLLMENT, year(), handover, null).file();
            String fingerprint = Enrollments.read(request).fingerprint();
            Path certificate = Enrollments.accept(office.workspace(), office.signer(), request, fingerprint, handover)
                    .file();
            ImportReport answer = new Importer(ws, created.signer()).importFile(certificate, false);
            if (!answer.accepted()) {
                throw new IllegalStateException("demo certificate refused: " + answer.message());
            }
            exporter(ws, created, sent == null ? null : sent.plan()).exportUnitPackage(PackageKind.PLAN, year(), usb, null);
            exporter(ws, created, sent == null ? null : sent.midyear())
                    .exportUnitPackage(PackageKind.MIDYEAR, year(), usb, null);
            ws.progress().saveAll(progress.stream().filter(p -> p.quarter() > 2).toList());
            ws.selfAssessments().saveAll(assessments);
            exporter(ws, created, sent == null ? null : sent.annual())
                    .exportUnitPackage(PackageKind.ANNUAL, year(), usb, null);
        }
    }

    /**
     * A unit's exporter whose packages are dated as the demo data says (at 10:00 in China), so the
     * office's 报送情况 reads on time and late against the 2008 calendar, as it would have then.
     */
    private static Exporter exporter(Workspace ws, Workspaces.Created created, java.time.LocalDate day) {
        if (day == null) {
            return new Exporter(ws, created.signer());
        }
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        return new Exporter(ws, created.signer(), java.time.Clock.fixed(day.atTime(10, 0).atZone(china).toInstant(),
                china));
    }

    private void flatten(String unit, List<Node> level, String parentId, String parentPath,
                         List<GoalNode> nodes, List<Progress> progress, List<SelfAssessment> self) {
        if (level == null) {
            return;
        }
        for (int i = 0; i < level.size(); i++) {
            Node n = level.get(i);
            String path = parentPath.isEmpty() ? String.valueOf(i + 1) : parentPath + "." + (i + 1);
            String id = stableId(unit, year(), path);
            Measure measure = toMeasure(n.measure());
            nodes.add(new GoalNode(id, unit, year(), parentId, i, n.kind(), n.title(), n.description(), n.owner(),
                    n.quality(), n.deadline(), n.weight(), measure, null, 1, false));
            for (ProgressSpec p : Objects.requireNonNullElse(n.progress(), List.<ProgressSpec>of())) {
                // The unit reports the actual value; the completion it states is the rule's, never a guess.
                BigDecimal completion = measure instanceof Measure.Quantitative q ? Completion.percent(q, p.actual())
                        : p.completion();
                progress.add(new Progress(id, p.quarter(), p.actual(), completion, p.status(), p.narrative(),
                        p.problems(), p.causes(), p.measures()));
            }
            if (n.self() != null) {
                self.add(new SelfAssessment(id, n.self().score(), n.self().level(), n.self().narrative()));
            }
            flatten(unit, n.children(), id, path, nodes, progress, self);
        }
    }

    /** Same unit, year and position path give the same id in every build of the demo. */
    static String stableId(String unit, int year, String path) {
        return UUID.nameUUIDFromBytes(("perfdesk-demo/" + unit + "/" + year + "/" + path)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Measure toMeasure(MeasureSpec m) {
        if (m == null) {
            return null;
        }
        return switch (m.type()) {
            case "QUANTITATIVE" -> new Measure.Quantitative(m.target(), m.baseline(), m.unit(), m.direction(),
                    m.targetHigh());
            case "QUALITATIVE" -> new Measure.Qualitative(m.levels(), m.targetLevel());
            case "MILESTONE" -> new Measure.Milestone(m.due());
            default -> throw new IllegalStateException("unknown measure type in demo data: " + m.type());
        };
    }

    private static OrgUnit toOrg(Org o, String defaultParent) {
        String parent = o.kind() == OrgKind.OFFICE ? null : Objects.requireNonNullElse(o.parent(), defaultParent);
        return new OrgUnit(o.code(), o.name(), o.kind(), parent, o.group(), null);
    }
}
