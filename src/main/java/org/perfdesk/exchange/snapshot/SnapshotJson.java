package org.perfdesk.exchange.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A unit's snapshot as compact JSON, written field by field with Jackson's streaming generator: byte for
 * byte what {@link org.perfdesk.exchange.pkg.StrictJson#writeCompact} writes for the same
 * {@link Payloads.Snapshot} (SnapshotJsonTest holds them equal for every field of every item), without
 * the object mapper's per-field reflection (two fifths of an export's CPU) or its start-up in a fresh
 * JVM. Field order, nulls written, {@code targetHigh} and {@code systemCode} left out when null, enums by
 * name, decimals as {@link BigDecimal#toString()}, dates ISO: as the mapper does.
 */
public final class SnapshotJson {
    /** Only jackson-core: making it loads none of the mapper's classes. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private SnapshotJson() {
    }

    /**
     * What the JSON is written from, in the order written: a {@link Payloads.Snapshot}, or one whose parts
     * are still being read ({@link SnapshotMapper#takeAhead}: each accessor waits for its part).
     */
    public interface Parts {
        String format();

        String unitCode();

        int year();

        List<Payloads.Org> organisations();

        List<Payloads.Node> nodes();

        List<Payloads.ProgressItem> progress();

        List<Payloads.SelfAssessmentItem> selfAssessments();

        List<Payloads.ReportItem> reports();

        List<Payloads.EvidenceItem> evidence();
    }

    public static byte[] write(Parts s) {
        // A 2,000-node unit's snapshot is about 3.5 MB: one growth step at most.
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024 + s.nodes().size() * 1024);
        write(s, out);
        return out.toByteArray();
    }

    /** The same bytes into {@code out} (left open). */
    public static void write(Parts s, java.io.OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeStringField("format", s.format());
            g.writeStringField("unitCode", s.unitCode());
            g.writeNumberField("year", s.year());
            g.writeFieldName("organisations");
            if (list(g, s.organisations())) {
                for (Payloads.Org o : s.organisations()) {
                    org(g, o);
                }
                g.writeEndArray();
            }
            g.writeFieldName("nodes");
            if (list(g, s.nodes())) {
                for (Payloads.Node n : s.nodes()) {
                    node(g, n);
                }
                g.writeEndArray();
            }
            g.writeFieldName("progress");
            if (list(g, s.progress())) {
                for (Payloads.ProgressItem p : s.progress()) {
                    progress(g, p);
                }
                g.writeEndArray();
            }
            g.writeFieldName("selfAssessments");
            if (list(g, s.selfAssessments())) {
                for (Payloads.SelfAssessmentItem a : s.selfAssessments()) {
                    g.writeStartObject();
                    g.writeStringField("nodeId", a.nodeId());
                    decimal(g, "score", a.score());
                    g.writeStringField("level", a.level());
                    g.writeStringField("narrative", a.narrative());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeFieldName("reports");
            if (list(g, s.reports())) {
                for (Payloads.ReportItem r : s.reports()) {
                    g.writeStartObject();
                    name(g, "kind", r.kind());
                    g.writeStringField("key", r.key());
                    g.writeNumberField("position", r.position());
                    g.writeStringField("title", r.title());
                    g.writeStringField("body", r.body());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeFieldName("evidence");
            if (list(g, s.evidence())) {
                for (Payloads.EvidenceItem e : s.evidence()) {
                    g.writeStartObject();
                    g.writeStringField("nodeId", e.nodeId());
                    g.writeStringField("sha256", e.sha256());
                    g.writeStringField("fileName", e.fileName());
                    g.writeNumberField("size", e.size());
                    g.writeStringField("mediaType", e.mediaType());
                    g.writeStringField("note", e.note());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot", e);
        }
    }

    private static void org(JsonGenerator g, Payloads.Org o) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", o.code());
        g.writeStringField("name", o.name());
        name(g, "kind", o.kind());
        g.writeStringField("parent", o.parent());
        name(g, "group", o.group());
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, Payloads.Node n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeStringField("parentId", n.parentId());
        g.writeNumberField("position", n.position());
        name(g, "kind", n.kind());
        g.writeStringField("title", n.title());
        g.writeStringField("description", n.description());
        g.writeStringField("owner", n.owner());
        g.writeStringField("quality", n.quality());
        date(g, "deadline", n.deadline());
        decimal(g, "weight", n.weight());
        g.writeStringField("measureType", n.measureType());
        decimal(g, "target", n.target());
        decimal(g, "baseline", n.baseline());
        g.writeStringField("unitOfMeasure", n.unitOfMeasure());
        name(g, "direction", n.direction());
        g.writeFieldName("levels");
        if (list(g, n.levels())) {
            for (String level : n.levels()) {
                g.writeString(level);
            }
            g.writeEndArray();
        }
        g.writeStringField("targetLevel", n.targetLevel());
        date(g, "due", n.due());
        g.writeStringField("originId", n.originId());
        g.writeNumberField("revision", n.revision());
        g.writeBooleanField("deleted", n.deleted());
        if (n.targetHigh() != null) {
            g.writeNumberField("targetHigh", n.targetHigh());
        }
        if (n.systemCode() != null) {
            g.writeStringField("systemCode", n.systemCode());
        }
        g.writeEndObject();
    }

    private static void progress(JsonGenerator g, Payloads.ProgressItem p) throws IOException {
        g.writeStartObject();
        g.writeStringField("nodeId", p.nodeId());
        g.writeNumberField("quarter", p.quarter());
        decimal(g, "actual", p.actual());
        decimal(g, "completion", p.completion());
        name(g, "status", p.status());
        g.writeStringField("narrative", p.narrative());
        g.writeStringField("problems", p.problems());
        g.writeStringField("causes", p.causes());
        g.writeStringField("measures", p.measures());
        g.writeEndObject();
    }

    /** Starts the array and says so, or writes null (a list the mapper would write as null). */
    private static boolean list(JsonGenerator g, List<?> items) throws IOException {
        if (items == null) {
            g.writeNull();
            return false;
        }
        g.writeStartArray();
        return true;
    }

    private static void decimal(JsonGenerator g, String field, BigDecimal value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    private static void date(JsonGenerator g, String field, LocalDate value) throws IOException {
        g.writeStringField(field, value == null ? null : value.toString());
    }

    private static void name(JsonGenerator g, String field, Enum<?> value) throws IOException {
        g.writeStringField(field, value == null ? null : value.name());
    }
}
