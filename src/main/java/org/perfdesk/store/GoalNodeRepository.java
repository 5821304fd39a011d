package org.perfdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.perfdesk.domain.Direction;
import org.perfdesk.domain.GoalNode;
import org.perfdesk.domain.GoalTree;
import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;
import org.perfdesk.domain.Numbers;
import org.perfdesk.domain.Progress;
import org.perfdesk.domain.ProgressStatus;
import org.perfdesk.domain.SelfAssessment;

/** Goal-tree nodes per unit and year. Removal leaves a tombstone so later packages can say so. */
public final class GoalNodeRepository {
    private static final String COLUMNS = "id, unit_code, year, parent_id, position, kind, title, description, "
            + "owner_code, quality_requirement, deadline, weight, measure_type, target, baseline, unit_of_measure, "
            + "direction, levels_json, target_level, milestone_date, origin_id, revision, deleted, target_high, system_code";
    private static final String INSERT = "INSERT INTO goal_node(" + COLUMNS + ", updated_at) "
            + "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT = INSERT + " "
            + "ON CONFLICT(id) DO UPDATE SET unit_code = excluded.unit_code, year = excluded.year, "
            + "parent_id = excluded.parent_id, position = excluded.position, kind = excluded.kind, "
            + "title = excluded.title, description = excluded.description, owner_code = excluded.owner_code, "
            + "quality_requirement = excluded.quality_requirement, deadline = excluded.deadline, "
            + "weight = excluded.weight, measure_type = excluded.measure_type, target = excluded.target, "
            + "baseline = excluded.baseline, unit_of_measure = excluded.unit_of_measure, "
            + "direction = excluded.direction, levels_json = excluded.levels_json, "
            + "target_level = excluded.target_level, milestone_date = excluded.milestone_date, "
            + "origin_id = excluded.origin_id, revision = excluded.revision, deleted = excluded.deleted, "
            + "target_high = excluded.target_high, system_code = excluded.system_code, updated_at = excluded.updated_at";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final Database db;

    public GoalNodeRepository(Database db) {
        this.db = db;
    }

    /** Writes the nodes exactly as given (revision included), all in one transaction. */
    public void saveAll(Collection<GoalNode> nodes) {
        write(UPSERT, nodes);
    }

    /**
     * Adds nodes known to be new (a third cheaper than {@link #saveAll}: no conflict to look for); a node
     * whose id is taken fails the transaction. They go in in id order: time-ordered ids then land each
     * beside the one before in the key's B-tree instead of on pages all over it.
     */
    public void insertAll(Collection<GoalNode> nodes) {
        List<GoalNode> inKeyOrder = new ArrayList<>(nodes);
        inKeyOrder.sort(java.util.Comparator.comparing(GoalNode::id));
        write(INSERT, inKeyOrder);
    }

    private void write(String sql, Collection<GoalNode> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        db.write(c -> {
            // One time for the batch (one transaction): formatting an Instant per row cost more than binding it.
            String now = java.time.Instant.now().toString();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (GoalNode n : nodes) {
                    bind(ps, n, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Saves one edited node: a change raises its revision by one, an unchanged node is left alone.
     * Returns the node as stored.
     */
    public GoalNode save(GoalNode node) {
        return db.write(c -> {
            Optional<GoalNode> old = find(c, node.id());
            GoalNode toStore = node;
            if (old.isPresent()) {
                if (old.get().withRevision(node.revision()).equals(node)) {
                    return old.get();
                }
                toStore = node.withRevision(old.get().revision() + 1);
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                bind(ps, toStore, java.time.Instant.now().toString());
                ps.executeUpdate();
            }
            return toStore;
        });
    }

    /**
     * Saves the nodes an edit changed, in one transaction: each changed node's revision goes up by
     * one (whatever revision the caller's copy had), unchanged ones are left alone. Returns them as stored.
     */
    public List<GoalNode> saveEdits(Collection<GoalNode> nodes) {
        return db.write(c -> {
            List<GoalNode> out = new ArrayList<>();
            for (GoalNode n : nodes) {
                out.add(save(n));
            }
            return out;
        });
    }

    /** Tombstones a node and everything below it. Returns how many nodes were removed. */
    public int delete(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT g.id FROM goal_node g JOIN sub ON g.parent_id = sub.id) "
                            + "UPDATE goal_node SET deleted = 1, revision = revision + 1, updated_at = ? "
                            + "WHERE id IN (SELECT id FROM sub) AND deleted = 0")) {
                ps.setString(1, id);
                Sql.now(ps, 2);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<GoalNode> find(String id) {
        return db.read(c -> find(c, id));
    }

    /** Where a node lives: its unit and year. */
    public record Place(String unitCode, int year) {
    }

    /** For those of {@code ids} that exist (tombstones too): the unit and year each belongs to. A few queries, not one per id. */
    public java.util.Map<String, Place> placesOf(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        java.util.Map<String, Place> out = new java.util.HashMap<>();
        int chunk = 500;
        return db.read(c -> {
            for (int from = 0; from < all.size(); from += chunk) {
                List<String> part = all.subList(from, Math.min(all.size(), from + chunk));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, unit_code, year FROM goal_node WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new Place(rs.getString(2), rs.getInt(3)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Every node of the unit's tree for the year, tombstones included. */
    public List<GoalNode> findAll(String unitCode, int year) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM goal_node WHERE unit_code = ? AND year = ? ORDER BY parent_id, position")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                return list(ps);
            }
        });
    }

    /** The live tree of a unit for a year. */
    public GoalTree loadTree(String unitCode, int year) {
        return new GoalTree(findAll(unitCode, year));
    }

    /**
     * A live node of the year with the figures evaluation reads: its progress (quarter, actual value,
     * completion, status; in quarter order) and its self-assessment (score and level), each without its
     * texts. Both only for a node with points, since only those are scored; empty and null otherwise.
     * The progress rows are decoded when asked for, so the reader can leave that to another thread.
     */
    public record WithFigures(GoalNode node, String packedProgress, SelfAssessment self) {
        public List<Progress> progress() {
            return GoalNodeRepository.progress(node.id(), packedProgress);
        }
    }

    /**
     * Every unit's live nodes of the year in one pass over the table, each handed over with its figures, without
     * what evaluation never reads (description, owner, quality requirement, the node it was copied from: null).
     * For the year's evaluation: one query instead of one per unit and kind. A node's progress comes in one text
     * column ({@code quarter:actual:completion:status;…}, looked up by its key in SQLite), so no progress row is
     * decoded into its node's id and looked up by it again in Java, and no row of a node without points (most of
     * a tree: its tasks) is read at all.
     */
    public void forEachLiveOfYearWithFigures(int year, java.util.function.Consumer<WithFigures> each) {
        forEachOfYearWithFigures("", year, each);
    }

    /**
     * As {@link #forEachLiveOfYearWithFigures}, but only the live nodes a score can depend on: every node with
     * points (weight set) and every node with a node below it. The rest (a tree's tasks: three quarters of a
     * province's nodes) have no points and nothing below them, so they neither are scored nor decide which node
     * is; and since the parent of every node kept is kept too, the others keep their places and their order in
     * the tree. SQLite leaves them out (one look in the parent index each) instead of each being read and decoded
     * to be dropped.
     */
    public void forEachScoringNodeOfYearWithFigures(int year, java.util.function.Consumer<WithFigures> each) {
        forEachOfYearWithFigures(" AND (g.weight IS NOT NULL OR EXISTS (SELECT 1 FROM goal_node b WHERE b.parent_id = g.id))",
                year, each);
    }

    private void forEachOfYearWithFigures(String where, int year, java.util.function.Consumer<WithFigures> each) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    .replace("description, owner_code, quality_requirement", "NULL, NULL, NULL")
                    .replace("origin_id", "NULL")
                    + ", CASE WHEN weight IS NOT NULL THEN (SELECT group_concat(p.quarter || ':' "
                    + "|| ifnull(p.actual_value, '') || ':' || ifnull(p.completion_percent, '') || ':' "
                    + "|| ifnull(p.status, ''), ';') FROM progress p WHERE p.node_id = g.id) END, "
                    + "s.node_id IS NOT NULL, s.score, s.level "
                    + "FROM goal_node g LEFT JOIN self_assessment s ON g.weight IS NOT NULL AND s.node_id = g.id "
                    + "WHERE g.year = ? AND g.deleted = 0" + where)) {
                ps.setInt(1, year);
                Reuse reuse = new Reuse();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        GoalNode n = map(rs, reuse);
                        // Columns past the node's are only worth asking for when it has points.
                        boolean scored = n.weight() != null;
                        SelfAssessment self = scored && rs.getBoolean(27)
                                ? new SelfAssessment(n.id(), Numbers.parse(rs.getString(28)), rs.getString(29), null)
                                : null;
                        each.accept(new WithFigures(n, scored ? rs.getString(26) : null, self));
                    }
                }
            }
            return null;
        });
    }

    /** "1:12.5:25.0:ON_TRACK;2::50:" as the rows it stands for, in quarter order (an empty field is null). */
    static List<Progress> progress(String nodeId, String packed) {
        if (packed == null || packed.isEmpty()) {
            return List.of();
        }
        List<Progress> out = new ArrayList<>(4);
        int at = 0;
        while (at <= packed.length()) {
            int end = packed.indexOf(';', at);
            if (end < 0) {
                end = packed.length();
            }
            int a = packed.indexOf(':', at);
            int b = packed.indexOf(':', a + 1);
            int d = packed.indexOf(':', b + 1);
            String status = packed.substring(d + 1, end);
            Progress p = new Progress(nodeId, Integer.parseInt(packed, at, a, 10),
                    Numbers.parse(packed.substring(a + 1, b)), Numbers.parse(packed.substring(b + 1, d)),
                    status.isEmpty() ? null : ProgressStatus.valueOf(status), null, null, null, null);
            int i = out.size();
            while (i > 0 && out.get(i - 1).quarter() > p.quarter()) {
                i--;
            }
            out.add(i, p);
            at = end + 1;
        }
        return out;
    }

    /** Live nodes of the unit for the year. */
    public int count(String unitCode, int year) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM goal_node WHERE unit_code = ? AND year = ? AND deleted = 0")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static Optional<GoalNode> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM goal_node WHERE id = ?")) {
            ps.setString(1, id);
            List<GoalNode> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<GoalNode> list(PreparedStatement ps) throws SQLException {
        List<GoalNode> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, GoalNode n, String now) throws SQLException {
        ps.setString(1, n.id());
        ps.setString(2, n.unitCode());
        ps.setInt(3, n.year());
        Sql.text(ps, 4, n.parentId());
        ps.setInt(5, n.position());
        ps.setString(6, n.kind().name());
        ps.setString(7, n.title());
        Sql.text(ps, 8, n.description());
        Sql.text(ps, 9, n.ownerCode());
        Sql.text(ps, 10, n.qualityRequirement());
        Sql.date(ps, 11, n.deadline());
        Sql.decimal(ps, 12, n.weight());
        String type = null;
        Measure.Quantitative q = null;
        Measure.Qualitative ql = null;
        Measure.Milestone m = null;
        if (n.measure() instanceof Measure.Quantitative x) {
            type = "QUANTITATIVE";
            q = x;
        } else if (n.measure() instanceof Measure.Qualitative x) {
            type = "QUALITATIVE";
            ql = x;
        } else if (n.measure() instanceof Measure.Milestone x) {
            type = "MILESTONE";
            m = x;
        }
        Sql.text(ps, 13, type);
        Sql.decimal(ps, 14, q == null ? null : q.target());
        Sql.decimal(ps, 15, q == null ? null : q.baseline());
        Sql.text(ps, 16, q == null ? null : q.unitOfMeasure());
        Sql.enumName(ps, 17, q == null ? null : q.direction());
        Sql.text(ps, 18, ql == null ? null : toJson(ql.levels()));
        Sql.text(ps, 19, ql == null ? null : ql.targetLevel());
        Sql.date(ps, 20, m == null ? null : m.due());
        Sql.text(ps, 21, n.originId());
        ps.setInt(22, n.revision());
        ps.setInt(23, n.deleted() ? 1 : 0);
        Sql.decimal(ps, 24, q == null ? null : q.targetHigh());
        Sql.text(ps, 25, n.systemCode());
        ps.setString(26, now);
    }

    /** By column position (in the order of COLUMNS): name lookups cost more than the rest of the row. */
    private static GoalNode map(ResultSet rs) throws SQLException {
        return map(rs, null);
    }

    /**
     * Decoded values kept for the next row of a long read: most nodes of a year share their deadline and their
     * levels, and decoding the levels' JSON again took a twentieth of reading a province; a unit's nodes come
     * together and share one copy of its code, and siblings one of their parent's id, rather than a copy each
     * held as long as the year's material (every copy is copied again by each collection of the young heap).
     */
    private static final class Reuse {
        private String unit;
        private String parent;
        private String dateText;
        private java.time.LocalDate date;
        private String levelsText;
        private List<String> levels;

        String unit(String code) {
            if (!code.equals(unit)) {
                unit = code;
            }
            return unit;
        }

        String parent(String id) {
            if (id != null && !id.equals(parent)) {
                parent = id;
            }
            return id == null ? null : parent;
        }

        java.time.LocalDate date(String text) {
            if (text == null || !text.equals(dateText)) {
                dateText = text;
                date = GoalNodeRepository.date(text);
            }
            return date;
        }

        List<String> levels(String json) {
            if (json == null || !json.equals(levelsText)) {
                levelsText = json;
                levels = List.copyOf(fromJson(json));
            }
            return levels;
        }
    }

    /**
     * With {@code reuse} (a long read without texts): description, owner, quality requirement and origin not asked
     * for (selected as NULL), and a deadline or levels equal to the last row's not decoded again.
     */
    private static GoalNode map(ResultSet rs, Reuse reuse) throws SQLException {
        boolean withoutTexts = reuse != null;
        String type = rs.getString(13);
        Measure measure = null;
        if ("QUANTITATIVE".equals(type)) {
            String direction = rs.getString(17);
            measure = new Measure.Quantitative(Numbers.parse(rs.getString(14)), Numbers.parse(rs.getString(15)),
                    rs.getString(16), direction == null ? null : Direction.valueOf(direction),
                    Numbers.parse(rs.getString(24)));
        } else if ("QUALITATIVE".equals(type)) {
            String levels = rs.getString(18);
            measure = new Measure.Qualitative(reuse != null ? reuse.levels(levels) : fromJson(levels), rs.getString(19));
        } else if ("MILESTONE".equals(type)) {
            String done = rs.getString(20);
            measure = new Measure.Milestone(reuse != null ? reuse.date(done) : date(done));
        }
        String unit = rs.getString(2);
        String parent = rs.getString(4);
        return new GoalNode(rs.getString(1), reuse != null ? reuse.unit(unit) : unit, rs.getInt(3),
                reuse != null ? reuse.parent(parent) : parent, rs.getInt(5),
                NodeKind.valueOf(rs.getString(6)), rs.getString(7), withoutTexts ? null : rs.getString(8),
                withoutTexts ? null : rs.getString(9), withoutTexts ? null : rs.getString(10),
                reuse != null ? reuse.date(rs.getString(11)) : date(rs.getString(11)),
                Numbers.parse(rs.getString(12)), measure, withoutTexts ? null : rs.getString(21), rs.getInt(22),
                rs.getInt(23) == 1, rs.getString(25));
    }

    /** yyyy-MM-dd as stored, read directly: the general parser took a third of reading a province's nodes. */
    private static java.time.LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4)
                && digits(text, 5, 7) && digits(text, 8, 10)) {
            return java.time.LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10));
        }
        return java.time.LocalDate.parse(text);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String toJson(List<String> levels) {
        try {
            return JSON.writeValueAsString(levels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fromJson(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad levels_json: " + json, e);
        }
    }
}
