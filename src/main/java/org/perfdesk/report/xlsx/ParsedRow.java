package org.perfdesk.report.xlsx;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.perfdesk.domain.Measure;
import org.perfdesk.domain.NodeKind;

/** One row of the sheet read into the fields of a goal node; its place comes from {@code path}. */
record ParsedRow(int row, String path, NodeKind kind, String title, BigDecimal weight, Measure measure,
                 String ownerCode, LocalDate deadline, String quality, String description, String sheet) {

    String parentPath() {
        return TreePaths.parent(path);
    }
}
