package org.perfdesk.exchange.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.perfdesk.domain.Appraisal;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.Ids;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.OrgKind;
import org.perfdesk.domain.OrgUnit;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.RankingGroup;
import org.perfdesk.domain.ReportKind;
import org.perfdesk.domain.ReportSection;
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

/**
 * A province at scale, for benchmarks and crash tests: one office and {@code units} units, each with a
 * goal tree of {@code nodes} nodes (goals, sub-goals, indicators with every kind of measure, tasks),
 * progress for {@code quarters} quarters, a self-assessment of every indicator, the half-year and annual
 * report sections, and {@code evidenceFiles} evidence files of {@code evidenceBytes} bytes each. Every
 * unit is enrolled with the office the way people do it (fingerprints compared) and has exported its
 * annual package into {@code usb/}; the office holds two public-appraisal rounds per unit.
 *
 * <p>Everything a person would read or the evaluation would count follows from the seed: the same
 * seed and size give the same trees (ids too, time-ordered as a unit makes them), figures, texts and
 * evidence bytes. Keys, package ids and times are new in every build (they come from the real key
 * generation and export code).
 */
public final class ProvinceBuilder {
    public static final String OFFICE_CODE = "XNB";
    public static final String OFFICE_FOLDER = "office";
    public static final String USB_FOLDER = "usb";
    public static final String PASSPHRASE = "perfdesk-bench";
    public static final int YEAR = 2008;
    /** Trees are built from 7 January for six weeks (Unix ms). */
    private static final long PLANNING_START = java.time.LocalDate.of(YEAR, 1, 7)
            .atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant().toEpochMilli();
    private static final long PLANNING_SPAN = 42L * 24 * 3600 * 1000;

    /** The province's size; {@link #province()} is the scale the benchmark issue names. */
    public record Size(int units, int nodes, int quarters, int evidenceFiles, int evidenceBytes) {
        public Size {
            if (units < 1 || nodes < 4 || quarters < 0 || quarters > 4 || evidenceFiles < 0 || evidenceBytes < 1) {
                throw new IllegalArgumentException("size out of range: " + units + " units, " + nodes + " nodes, "
                        + quarters + " quarters, " + evidenceFiles + " files of " + evidenceBytes + " bytes");
            }
        }

        /** 100 units × 2,000 nodes, four quarters, ten 100 KB evidence files each. */
        public static Size province() {
            return new Size(100, 2000, 4, 10, 100 * 1024);
        }
    }

    /** What was built: folders, and the packages waiting on the "USB stick" in chain order. */
    public record Province(Path dir, Path office, List<Path> units, Path usb, List<Path> packages, Size size,
                           long seed) {
        public Path unit(int index) {
            return units.get(index);
        }
    }

    private final Size size;
    private final long seed;
    /** The algorithm suite of every workspace and package of the province. */
    private org.perfdesk.exchange.crypto.Suite suite = Workspaces.defaultSuite();

    /** The province's workspaces and packages under {@code s} (bench: each suite on the same data). */
    public ProvinceBuilder withSuite(org.perfdesk.exchange.crypto.Suite s) {
        this.suite = s;
        return this;
    }

    public ProvinceBuilder(Size size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    /** Unit codes U001, U002, …; the first ninth are city governments, the rest provincial departments. */
    public static String unitCode(int index) {
        return String.format("U%03d", index + 1);
    }

    private int cities() {
        return Math.max(1, size.units() / 9);
    }

    private OrgUnit unitOrg(int index) {
        boolean city = index < cities();
        OrgKind kind = city ? OrgKind.CITY : OrgKind.DEPARTMENT;
        String name = city ? "第" + (index + 1) + "市人民政府" : "省第" + (index + 1) + "厅";
        return new OrgUnit(unitCode(index), name, kind, OFFICE_CODE, RankingGroup.defaultFor(kind), null);
    }

    /** A province built before under {@code dir} (by {@link #build}, with this size and seed). */
    public static Province existing(Path dir, Size size, long seed) {
        List<Path> unitDirs = new ArrayList<>();
        for (int i = 0; i < size.units(); i++) {
            unitDirs.add(dir.resolve(unitCode(i)));
        }
        Path usb = dir.resolve(USB_FOLDER);
        List<Path> packages = Importer.expand(List.of(usb));
        if (!Workspace.isWorkspace(dir.resolve(OFFICE_FOLDER)) || packages.size() != size.units()) {
            throw new UserError("error.workspace.notFound", dir.toString());
        }
        return new Province(dir, dir.resolve(OFFICE_FOLDER), List.copyOf(unitDirs), usb, packages, size, seed);
    }

    /** Builds the province under {@code dir} (which must not hold workspaces yet). */
    public Province build(Path dir, String programVersion) {
        Path officeDir = dir.resolve(OFFICE_FOLDER);
        if (Workspace.isWorkspace(officeDir)) {
            throw new UserError("error.demo.exists", dir.toString(), OFFICE_FOLDER);
        }
        Path usb = dir.resolve(USB_FOLDER);
        Path handover = dir.resolve(".enrollment");
        Path scratch = dir.resolve(".evidence");
        try {
            Files.createDirectories(usb);
            Files.createDirectories(handover);
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UserError(e, "error.workspace.createFailed", dir.toString(), e.getMessage());
        }
        List<Path> unitDirs = new ArrayList<>();
        List<Path> packages = new ArrayList<>();
        Workspaces.Created office = Workspaces.create(officeDir, new Workspace.Setup(Role.OFFICE,
                new OrgUnit(OFFICE_CODE, "省机关效能建设领导小组办公室", OrgKind.OFFICE, null), YEAR, programVersion),
                PASSPHRASE.toCharArray(), suite);
        try {
            Payloads.Card card = KeyRegistry.card(office.workspace());
            for (int i = 0; i < size.units(); i++) {
                Path unitDir = dir.resolve(unitCode(i));
                unitDirs.add(unitDir);
                packages.add(buildUnit(i, unitDir, programVersion, office, card, usb, handover, scratch));
            }
            appraisals(office.workspace());
        } finally {
            office.workspace().close();
            Folders.deleteQuietly(handover);
            Folders.deleteQuietly(scratch);
        }
        return new Province(dir, officeDir, List.copyOf(unitDirs), usb, List.copyOf(packages), size, seed);
    }

    private Path buildUnit(int index, Path dir, String programVersion, Workspaces.Created office, Payloads.Card card,
                           Path usb, Path handover, Path scratch) {
        OrgUnit self = unitOrg(index);
        Workspaces.Created created = Workspaces.create(dir, new Workspace.Setup(Role.UNIT, self, YEAR, programVersion),
                PASSPHRASE.toCharArray(), suite);
        try (Workspace ws = created.workspace()) {
            UnitData data = unitData(index);
            ws.orgUnits().saveAll(data.organisations());
            ws.database().write(c -> {
                ws.goals().saveAll(data.nodes());
                ws.progress().saveAll(data.progress());
                ws.selfAssessments().saveAll(data.selfAssessments());
                ws.reports().saveAll(data.reports());
                return null;
            });
            for (int f = 0; f < data.evidenceNodes().size(); f++) {
                Path file = scratch.resolve(String.format("佐证材料-%s-%02d.pdf", self.code(), f + 1));
                Files.write(file, evidenceBytes(index, f));
                ws.evidence().attach(data.evidenceNodes().get(f), file, "第" + (f + 1) + "份佐证");
                Files.delete(file);
            }

            KeyRegistry.pinOffice(ws, card, card.fingerprint());
            Exporter out = new Exporter(ws, created.signer());
            Path request = out.exportUnitPackage(PackageKind.ENROLLMENT, YEAR, handover, null).file();
            String fingerprint = Enrollments.read(request).fingerprint();
            Path certificate = Enrollments.accept(office.workspace(), office.signer(), request, fingerprint, handover)
                    .file();
            ImportReport answer = new Importer(ws, created.signer()).importFile(certificate, false);
            if (!answer.accepted()) {
                throw new IllegalStateException("certificate refused: " + answer.message());
            }
            return out.exportUnitPackage(PackageKind.ANNUAL, YEAR, usb, null).file();
        } catch (IOException e) {
            throw new UserError(e, "error.workspace.createFailed", dir.toString(), e.getMessage());
        }
    }

    /** Two rounds per unit, as the statistics bodies would report them (saved as the form import does). */
    private void appraisals(Workspace office) {
        List<Appraisal> rounds = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(seed ^ 0x5A5A5A5AL);
        for (int i = 0; i < size.units(); i++) {
            for (int round = 1; round <= 2; round++) {
                int sample = 200 + r.nextInt(300);
                int a = sample * (40 + r.nextInt(30)) / 100;
                int b = (sample - a) * (40 + r.nextInt(40)) / 100;
                int c = (sample - a - b) * (30 + r.nextInt(60)) / 100;
                Map<String, Integer> counts = new LinkedHashMap<>();
                counts.put("满意", a);
                counts.put("比较满意", b);
                counts.put("基本满意", c);
                counts.put("不满意", sample - a - b - c);
                rounds.add(new Appraisal(unitCode(i), YEAR, round, sample, counts));
            }
        }
        office.evaluation().appraisals().saveAll(rounds);
    }

    /** One unit's material, all derived from the seed and the unit's index. */
    public record UnitData(List<OrgUnit> organisations, List<GoalNode> nodes, List<Progress> progress,
                           List<SelfAssessment> selfAssessments, List<ReportSection> reports,
                           List<String> evidenceNodes) {
    }

    /**
     * The tree has about 0.4 % goals, 2 % sub-goals, 24 % indicators and the rest tasks (2,000 nodes:
     * 8 goals, 40 sub-goals, 480 indicators, 1,472 tasks); goals share 100 points, each level splits its
     * parent's points exactly. Indicators are 60 % quantitative, 25 % qualitative, 15 % milestones.
     */
    public UnitData unitData(int index) {
        String unit = unitCode(index);
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        Ids ids = unitIds(index);
        int n = size.nodes();
        int goals = Math.max(1, Math.round(n * 0.004f));
        int subs = Math.max(goals, Math.round(n * 0.02f));
        int indicators = Math.max(subs, Math.round(n * 0.24f));
        if (goals + subs + indicators > n) {
            goals = 1;
            subs = 1;
            indicators = Math.max(1, n - 3);
        }
        int tasks = n - goals - subs - indicators;

        List<OrgUnit> orgs = new ArrayList<>();
        int divisions = Math.max(2, Math.min(20, n / 100));
        List<String> owners = new ArrayList<>();
        for (int d = 0; d < divisions; d++) {
            String code = unit + "-D" + (d + 1);
            orgs.add(new OrgUnit(code, DIVISIONS[d % DIVISIONS.length] + (d < DIVISIONS.length ? "" : String.valueOf(d)),
                    OrgKind.DIVISION, unit));
            owners.add(code);
            for (int p = 0; p < 2; p++) {
                String person = code + "-P" + (p + 1);
                orgs.add(new OrgUnit(person, SURNAMES[(d * 2 + p) % SURNAMES.length] + (p == 0 ? "处长" : "科长"),
                        OrgKind.PERSON, code));
                owners.add(person);
            }
        }

        List<GoalNode> nodes = new ArrayList<>(n);
        List<GoalNode> goalNodes = new ArrayList<>();
        List<BigDecimal> goalWeights = split(BigDecimal.valueOf(100), goals);
        for (int g = 0; g < goals; g++) {
            GoalNode goal = node(ids, unit, null, g, NodeKind.GOAL,
                    "目标" + (g + 1) + "：" + pick(r, GOAL_TITLES), unit, goalWeights.get(g), null, r);
            goalNodes.add(goal);
        }
        List<List<GoalNode>> subsOf = distribute(goals, subs);
        List<GoalNode> subNodes = new ArrayList<>();
        for (int g = 0; g < goals; g++) {
            int count = subsOf.get(g).size();
            List<BigDecimal> w = split(goalNodes.get(g).weight(), count);
            for (int s = 0; s < count; s++) {
                GoalNode parent = goalNodes.get(g);
                subsOf.get(g).set(s, node(ids, unit, parent.id(), s, NodeKind.SUB_GOAL,
                        pick(r, SUB_TITLES), owners.get(r.nextInt(divisions) * 3), w.get(s), null, r));
                subNodes.add(subsOf.get(g).get(s));
            }
        }
        List<List<GoalNode>> indicatorsOf = distribute(subNodes.size(), indicators);
        List<GoalNode> indicatorNodes = new ArrayList<>();
        for (int s = 0; s < subNodes.size(); s++) {
            GoalNode parent = subNodes.get(s);
            int count = indicatorsOf.get(s).size();
            List<BigDecimal> w = split(parent.weight(), count);
            String path = pathOf(parent, goalNodes, subsOf);
            for (int i = 0; i < count; i++) {
                double kind = r.nextDouble();
                Measure measure;
                if (kind < 0.60) {
                    BigDecimal target = BigDecimal.valueOf(10 + r.nextInt(990));
                    measure = new Measure.Quantitative(target, target.multiply(BigDecimal.valueOf(0.8))
                            .setScale(0, RoundingMode.HALF_UP), pick(r, UNITS_OF_MEASURE),
                            r.nextInt(10) == 0 ? Direction.LOWER_BETTER : Direction.HIGHER_BETTER);
                } else if (kind < 0.85) {
                    measure = new Measure.Qualitative(List.of("优秀", "良好", "一般", "较差"), "优秀");
                } else {
                    measure = new Measure.Milestone(LocalDate.of(YEAR, 3 + 3 * r.nextInt(4), 28));
                }
                GoalNode ind = new GoalNode(ids.next().toString(), unit, YEAR, parent.id(), i,
                        NodeKind.INDICATOR, pick(r, INDICATOR_TITLES) + "（" + path + "." + (i + 1) + "）",
                        "按照年度工作要点推进，确保" + pick(r, INDICATOR_TITLES) + "取得实效。",
                        owners.get(r.nextInt(owners.size())), pick(r, QUALITY), LocalDate.of(YEAR, 12, 31),
                        w.get(i), measure, null, 1, false);
                indicatorsOf.get(s).set(i, ind);
                indicatorNodes.add(ind);
            }
        }
        List<List<GoalNode>> tasksOf = distribute(indicatorNodes.size(), tasks);
        List<GoalNode> taskNodes = new ArrayList<>();
        for (int i = 0; i < indicatorNodes.size(); i++) {
            GoalNode parent = indicatorNodes.get(i);
            for (int t = 0; t < tasksOf.get(i).size(); t++) {
                GoalNode task = new GoalNode(ids.next().toString(), unit, YEAR, parent.id(), t,
                        NodeKind.TASK, pick(r, TASK_VERBS) + pick(r, INDICATOR_TITLES) + "第" + (t + 1) + "项工作",
                        null, owners.get(r.nextInt(owners.size())), pick(r, QUALITY),
                        LocalDate.of(YEAR, 1 + r.nextInt(12), 1 + r.nextInt(28)), null, null, null, 1, false);
                taskNodes.add(task);
            }
        }
        nodes.addAll(goalNodes);
        nodes.addAll(subNodes);
        nodes.addAll(indicatorNodes);
        nodes.addAll(taskNodes);

        List<Progress> progress = new ArrayList<>();
        for (GoalNode ind : indicatorNodes) {
            progress.addAll(progressOf(ind, r));
        }
        for (GoalNode task : taskNodes) {
            for (int q = 1; q <= size.quarters(); q++) {
                boolean done = q == size.quarters() && r.nextInt(4) != 0;
                progress.add(new Progress(task.id(), q, null, null, done ? ProgressStatus.DONE : ProgressStatus.ON_TRACK,
                        "第" + q + "季度按计划推进。", null, null, null));
            }
        }

        List<SelfAssessment> self = new ArrayList<>();
        for (GoalNode ind : indicatorNodes) {
            if (ind.measure() instanceof Measure.Qualitative q) {
                self.add(new SelfAssessment(ind.id(), null, q.levels().get(r.nextInt(3)), "对照质量要求逐项自查。"));
            } else {
                BigDecimal share = BigDecimal.valueOf(70 + r.nextInt(31)).divide(BigDecimal.valueOf(100));
                self.add(new SelfAssessment(ind.id(), ind.weight().multiply(share).setScale(2, RoundingMode.HALF_UP),
                        null, "完成情况与佐证材料一致。"));
            }
        }

        List<ReportSection> reports = new ArrayList<>();
        for (ReportKind kind : List.of(ReportKind.MIDYEAR, ReportKind.ANNUAL)) {
            int pos = 0;
            reports.add(new ReportSection(unit, YEAR, kind, ReportSection.OVERVIEW, pos++, "总体情况",
                    paragraph(r, 6)));
            for (GoalNode g : goalNodes) {
                reports.add(new ReportSection(unit, YEAR, kind, ReportSection.GOAL_PREFIX + g.id(), pos++, g.title(),
                        paragraph(r, 4)));
            }
            reports.add(new ReportSection(unit, YEAR, kind, ReportSection.CLOSING, pos, "下一步工作打算",
                    paragraph(r, 3)));
        }

        List<String> evidence = new ArrayList<>();
        for (int f = 0; f < size.evidenceFiles(); f++) {
            evidence.add(indicatorNodes.get(f % indicatorNodes.size()).id());
        }
        return new UnitData(orgs, nodes, progress, self, reports, evidence);
    }

    private List<Progress> progressOf(GoalNode ind, SplittableRandom r) {
        List<Progress> out = new ArrayList<>();
        double pace = 0.7 + r.nextDouble() * 0.45;
        for (int q = 1; q <= size.quarters(); q++) {
            if (ind.measure() instanceof Measure.Quantitative m) {
                BigDecimal actual = m.target().multiply(BigDecimal.valueOf(pace * q / 4)).setScale(1, RoundingMode.HALF_UP);
                BigDecimal completion = actual.multiply(BigDecimal.valueOf(100))
                        .divide(m.target(), 2, RoundingMode.HALF_UP);
                double expected = 100.0 * q / 4;
                ProgressStatus status = completion.doubleValue() >= 100 ? ProgressStatus.DONE
                        : completion.doubleValue() >= expected * 0.95 ? ProgressStatus.ON_TRACK
                        : completion.doubleValue() >= expected * 0.8 ? ProgressStatus.AT_RISK : ProgressStatus.BEHIND;
                boolean trouble = status == ProgressStatus.AT_RISK || status == ProgressStatus.BEHIND;
                out.add(new Progress(ind.id(), q, actual, completion, status, "本季度完成" + actual + m.unitOfMeasure() + "。",
                        trouble ? "进度滞后于序时要求。" : null, trouble ? "项目前期手续办理时间较长。" : null,
                        trouble ? "加强调度，倒排工期。" : null));
            } else if (ind.measure() instanceof Measure.Milestone) {
                boolean done = q >= 2 + r.nextInt(3);
                out.add(new Progress(ind.id(), q, null, null, done ? ProgressStatus.DONE : ProgressStatus.ON_TRACK,
                        done ? "节点任务已完成。" : "按节点推进。", null, null, null));
            } else {
                out.add(new Progress(ind.id(), q, null, null, ProgressStatus.ON_TRACK, "按计划推进，成效明显。", null, null,
                        null));
            }
        }
        return out;
    }

    /** The bytes of one evidence file: incompressible like the PDFs and photos people attach. */
    public byte[] evidenceBytes(int unitIndex, int file) {
        byte[] out = new byte[size.evidenceBytes()];
        SplittableRandom r = new SplittableRandom(seed * 31 + unitIndex * 1009L + file);
        for (int i = 0; i < out.length; i += 8) {
            long v = r.nextLong();
            for (int b = 0; b < 8 && i + b < out.length; b++) {
                out[i + b] = (byte) (v >>> (8 * b));
            }
        }
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, out, 0, Math.min(head.length, out.length));
        return out;
    }

    private GoalNode node(Ids ids, String unit, String parent, int position, NodeKind kind, String title,
                          String owner, BigDecimal weight, Measure measure, SplittableRandom r) {
        return new GoalNode(ids.next().toString(), unit, YEAR, parent, position, kind, title,
                "围绕" + title + "，" + pick(r, QUALITY), owner, pick(r, QUALITY), LocalDate.of(YEAR, 12, 31), weight,
                measure, null, 1, false);
    }

    /**
     * The ids a unit would make building its tree, deterministic from the seed: version 7 ({@link Ids}),
     * one sitting per unit (a spreadsheet import or an afternoon of typing) starting at a time drawn in
     * the planning weeks of the year, 1–20 s between nodes, so units' sittings overlap as they do when
     * every unit plans in the same weeks.
     */
    private Ids unitIds(int index) {
        SplittableRandom clock = new SplittableRandom(seed * 7_919L + index);
        long[] now = {PLANNING_START + clock.nextLong(PLANNING_SPAN)};
        return new Ids(() -> now[0] += 1_000 + clock.nextInt(19_000), new Random(seed * 104_729L + index));
    }

    private static String pathOf(GoalNode sub, List<GoalNode> goals, List<List<GoalNode>> subsOf) {
        for (int g = 0; g < goals.size(); g++) {
            int s = subsOf.get(g).indexOf(sub);
            if (s >= 0) {
                return (g + 1) + "." + (s + 1);
            }
        }
        throw new IllegalStateException("sub-goal without a goal");
    }

    /** {@code count} places spread round-robin over {@code parents} parents (placeholders filled later). */
    private static List<List<GoalNode>> distribute(int parents, int count) {
        List<List<GoalNode>> out = new ArrayList<>();
        for (int p = 0; p < parents; p++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            out.get(i % parents).add(null);
        }
        return out;
    }

    /** {@code total} split into {@code parts} two-decimal shares that add up exactly. */
    static List<BigDecimal> split(BigDecimal total, int parts) {
        List<BigDecimal> out = new ArrayList<>();
        if (parts == 0) {
            return out;
        }
        BigDecimal each = total.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < parts - 1; i++) {
            out.add(each);
            sum = sum.add(each);
        }
        out.add(total.subtract(sum));
        return out;
    }

    private static String paragraph(SplittableRandom r, int sentences) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            out.append(pick(r, SENTENCES));
        }
        return out.toString();
    }

    private static String pick(SplittableRandom r, String[] choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static final String[] DIVISIONS = {"办公室", "综合处", "法规处", "规划处", "财务处", "人事处", "建设处",
        "监督处", "科技处", "宣传处", "信息处", "安全处", "审批处", "统计处", "政策处", "协调处", "产业处", "服务处",
        "督查处", "改革处"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "林", "罗", "郑"};
    private static final String[] GOAL_TITLES = {"推动经济高质量发展", "深化重点领域改革", "保障和改善民生",
        "加强生态文明建设", "提升行政效能", "推进依法行政", "加强作风建设", "防范化解重大风险"};
    private static final String[] SUB_TITLES = {"扩大有效投资", "优化营商环境", "推进创新驱动", "促进就业创业",
        "完善社会保障", "改善环境质量", "加快数字政府建设", "提高审批效率", "强化安全生产", "推进乡村振兴"};
    private static final String[] INDICATOR_TITLES = {"重点项目开工率", "固定资产投资增长", "新增就业人数",
        "行政审批时限压缩", "空气质量优良天数比例", "政务服务网上可办率", "群众满意度", "财政收入增长",
        "科技研发投入占比", "安全生产事故下降", "农村人居环境整治", "制度建设完成情况"};
    private static final String[] UNITS_OF_MEASURE = {"%", "个", "亿元", "人", "天", "项"};
    private static final String[] QUALITY = {"按时保质完成", "通过验收", "数据真实准确", "群众满意", "符合规范要求"};
    private static final String[] TASK_VERBS = {"组织", "推进", "督促", "落实", "完善"};
    private static final String[] SENTENCES = {"全年各项工作总体按计划推进。", "重点项目建设进展顺利，投资完成情况好于预期。",
        "部分指标受外部因素影响，进度略有滞后。", "针对存在的问题，已制定整改措施并落实到责任处室。",
        "下一步将继续加强调度，确保全年目标任务全面完成。", "群众反映的突出问题得到有效解决。",
        "制度建设不断完善，工作规范化水平进一步提高。"};
}
