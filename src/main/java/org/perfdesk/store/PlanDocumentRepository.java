package org.perfdesk.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.perfdesk.domain.PlanDocument;

/**
 * A unit's plan document (方案) per year: its sections as typed, each 制度's measures, and the annual work
 * plan's file. The unit's own, or at the office the latest one a plan package carried.
 */
public final class PlanDocumentRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    PlanDocumentRepository(Database db) {
        this.db = db;
    }

    public PlanDocument find(String unitCode, int year) {
        List<PlanDocument.Section> sections = db.list("SELECT section_key, position, title, body, measures "
                        + "FROM plan_section WHERE unit_code = ? AND year = ? ORDER BY position, section_key",
                rs -> new PlanDocument.Section(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        measures(rs.getString(5))), unitCode, year);
        PlanDocument.WorkPlanFile file = db.list("SELECT p.sha256, p.file_name, a.size FROM plan_attachment p "
                        + "JOIN attachment a ON a.sha256 = p.sha256 WHERE p.unit_code = ? AND p.year = ?",
                rs -> new PlanDocument.WorkPlanFile(rs.getString(1), rs.getString(2), rs.getLong(3)), unitCode, year)
                .stream().findFirst().orElse(null);
        return new PlanDocument(unitCode, year, sections, file);
    }

    /** Saves one section as typed (replacing it). */
    public void saveSection(String unitCode, int year, PlanDocument.Section s) {
        saveSections(unitCode, year, List.of(s));
    }

    public void saveSections(String unitCode, int year, List<PlanDocument.Section> sections) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_section(unit_code, year, section_key, "
                    + "position, title, body, measures, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(unit_code, year, section_key) DO UPDATE SET position = excluded.position, "
                    + "title = excluded.title, body = excluded.body, measures = excluded.measures, "
                    + "updated_at = excluded.updated_at")) {
                for (PlanDocument.Section s : sections) {
                    ps.setString(1, unitCode);
                    ps.setInt(2, year);
                    ps.setString(3, s.key());
                    ps.setInt(4, s.position());
                    ps.setString(5, s.title());
                    ps.setString(6, s.body());
                    ps.setString(7, toJson(s.measures()));
                    Sql.now(ps, 8);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The annual work plan's file (already stored under attachments/), or none. */
    public void setWorkPlan(String unitCode, int year, PlanDocument.WorkPlanFile file) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan_attachment WHERE unit_code = ? AND year = ?")) {
                ps.setString(1, unitCode);
                ps.setInt(2, year);
                ps.executeUpdate();
            }
            if (file != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_attachment(unit_code, year, sha256, "
                        + "file_name, updated_at) VALUES(?, ?, ?, ?, ?)")) {
                    ps.setString(1, unitCode);
                    ps.setInt(2, year);
                    ps.setString(3, file.sha256());
                    ps.setString(4, file.fileName());
                    Sql.now(ps, 5);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Replaces the unit's whole plan document for the year (a package's snapshot of it). */
    public void replace(PlanDocument doc) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan_section WHERE unit_code = ? AND year = ?")) {
                ps.setString(1, doc.unitCode());
                ps.setInt(2, doc.year());
                ps.executeUpdate();
            }
            saveSections(doc.unitCode(), doc.year(), doc.sections());
            setWorkPlan(doc.unitCode(), doc.year(), doc.workPlan());
            return null;
        });
    }

    static String toJson(List<PlanDocument.Measure> measures) {
        ArrayNode out = JSON.createArrayNode();
        for (PlanDocument.Measure m : measures) {
            ObjectNode o = out.addObject();
            o.put("text", m.text());
            o.put("owner", m.owner());
            o.put("due", m.due() == null ? null : m.due().toString());
        }
        return out.toString();
    }

    static List<PlanDocument.Measure> measures(String json) {
        List<PlanDocument.Measure> out = new ArrayList<>();
        try {
            for (JsonNode o : JSON.readTree(json == null ? "[]" : json)) {
                JsonNode due = o.path("due");
                JsonNode owner = o.path("owner");
                out.add(new PlanDocument.Measure(o.path("text").asText(), owner.isNull() || owner.isMissingNode() ? null
                        : owner.asText(), due.isNull() || due.isMissingNode() ? null : LocalDate.parse(due.asText())));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("stored plan measures unreadable", e);
        }
        return out;
    }
}
