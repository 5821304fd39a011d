package org.perfdesk.report.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The corpus of forms as offices make them, one per shape the import must read (issue 20): each built
 * here the way a clerk lays it out in Excel or WPS, committed under
 * {@code src/test/resources/org/perfdesk/report/xlsx/corpus/} beside its expected tree
 * ({@code <name>.expected.txt}, written by hand from what the form means). Rewrite the files with
 * {@code mvn -q test -Dtest=FormCorpusTest -Dperfdesk.writeCorpus=true}.
 */
final class FormCorpus {
    static final Path DIR = Path.of("src/test/resources/org/perfdesk/report/xlsx/corpus");

    private FormCorpus() {
    }

    /** Every generated form by file name. */
    static Map<String, Supplier<byte[]>> all() {
        Map<String, Supplier<byte[]>> m = new LinkedHashMap<>();
        m.put("project-form.xlsx", FormCorpus::projectForm);
        m.put("department-targets.xlsx", FormCorpus::departmentTargets);
        m.put("repeated-header.xlsx", FormCorpus::repeatedHeader);
        m.put("weights.xlsx", FormCorpus::weights);
        m.put("unit-kinds.xlsx", FormCorpus::unitKinds);
        m.put("self-assessment.xlsx", FormCorpus::selfAssessment);
        m.put("departments.xlsx", FormCorpus::departments);
        m.put("deadlines.xlsx", FormCorpus::deadlines);
        m.put("owners.xlsx", FormCorpus::owners);
        m.put("clerk-typing.xlsx", FormCorpus::clerkTyping);
        m.put("wps-catalogue.xlsx", FormCorpus::wpsCatalogue);
        m.put("wps-saved-as-xls.xlsx", FormCorpus::wpsSavedAsXls);
        m.put("old-format.xls", FormCorpus::oldFormat);
        m.put("gbk.csv", FormCorpus::gbkCsv);
        m.put("bad-values.xlsx", FormCorpus::badValues);
        return m;
    }

    /** 项目支出绩效目标申报表: title, key/value block, blank row, a header of two rows with merged cells, footers. */
    static byte[] projectForm() {
        Form f = new Form(new XSSFWorkbook()).sheet("项目绩效目标");
        f.row(1, "2026年度项目支出绩效目标申报表").merge("A1:G1");
        f.row(2, "（2026年度）").merge("A2:G2");
        f.row(3, "项目名称", "农村公路安全生命防护工程", null, null, "主管部门", "市交通运输局").merge("B3:D3").merge("F3:G3");
        f.row(4, "实施单位", "公路管理处", null, null, "项目属性", "延续项目").merge("B4:D4");
        f.row(5, "资金情况（万元）", "年度资金总额", 1200).merge("A5:A6");
        f.row(6, null, "其中：财政拨款", 1000);
        f.row(7, "年度总体目标", "完成农村公路安防工程300公里，消除重点隐患路段。").merge("B7:G7");
        f.row(9, "一级指标", "二级指标", "三级指标", "指标值", null, "分值").merge("A9:A10").merge("B9:B10")
                .merge("C9:C10").merge("D9:E9").merge("F9:F10");
        f.row(10, null, null, null, "目标值", "计量单位");
        f.row(11, "产出指标", "数量指标", "安防工程里程", "≥300", "公里", 20);
        f.row(12, null, null, "隐患路段整治数", "12", "处", 10);
        f.row(13, null, "质量指标", "工程验收合格率", null, "%", 15).percent(13, 3, 1.0);
        f.row(14, null, "时效指标", "完工时间", "2026年11月底前", null, 5);
        f.merge("A11:A14").merge("B11:B12");
        f.row(15, "效益指标", "社会效益指标", "交通事故死亡人数下降率", "≥5%", null, 20);
        f.row(16, null, "可持续影响指标", "设施使用年限", "10", "年", 10).merge("A15:A16");
        f.row(17, "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", null, 10);
        f.row(19, "填表人：李明", null, null, "联系电话：0591-88888888");
        f.row(20, "填表说明：1. 指标值应可量化；2. 分值合计 100 分。").merge("A20:G20");
        return f.bytes();
    }

    /** 部门整体支出绩效目标表: header on row 6, targets as offices type them, one unit column contradicting its value. */
    static byte[] departmentTargets() {
        Form f = new Form(new XSSFWorkbook()).sheet("整体支出");
        f.row(1, "部门整体支出绩效目标表").merge("A1:F1");
        f.row(2, "部门名称", "市交通运输局");
        f.row(3, "年度绩效目标", "保障全市交通运输安全畅通。").merge("B3:F3");
        f.row(6, "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值");
        f.row(7, "产出指标", "数量指标", "公交站点覆盖率", "≥95%", "%", 10);
        f.row(8, null, null, "公交车辆更新数", "250万", "元", 10);
        f.row(9, null, "质量指标", "车辆完好率", null, "%", 10).percent(9, 3, 0.95);
        f.row(10, null, null, "投诉办结率", "95%", "%", 10);
        f.row(11, null, null, "安全事故增长率", "-0%", "%", 10);
        f.row(12, null, "成本指标", "单位运营成本", "≤100万元", "万元", 10);
        f.row(13, null, null, "车辆百公里能耗", "控制在4.8以内", "升", 10);
        f.row(14, "效益指标", "社会效益", "每万人口公交车拥有量", "每万人口≥16", "标台", 10);
        f.row(15, null, null, "主干网带宽", "≥80M", null, 5);
        f.row(16, null, null, "是否建立应急预案", "是", null, 5);
        f.row(17, null, null, "线网运行评价", "优良", null, 5);
        f.row(18, null, null, "线路调整", "按月安排", null, 5);
        f.row(19, null, null, "货运量增幅", "3-5%", "万元", 0);
        f.merge("A7:A13").merge("B7:B8").merge("B9:B11").merge("B12:B13").merge("A14:A19").merge("B14:B19");
        return f.bytes();
    }

    /** 绩效评估指标体系 whose header block is repeated before each 一级指标, with 总分 at the end. */
    static byte[] repeatedHeader() {
        Form f = new Form(new XSSFWorkbook()).sheet("指标体系");
        f.row(1, "2026年度绩效评估指标体系").merge("A1:E1");
        f.row(3, "序号", "一级指标", "二级指标", "分值", "责任处室");
        f.row(4, "1", "依法行政", "规范性文件合法性审查率", 10, "法规处");
        f.row(5, "2", null, "行政复议纠错率", 10, "法规处");
        f.merge("B4:B5");
        f.row(6, "序号", "一级指标", "二级指标", "分值", "责任处室");
        f.row(7, "3", "服务群众", "政务服务事项网办率", 15, "审批处");
        f.row(8, "4", null, "群众满意度", 15, "办公室");
        f.merge("B7:B8");
        f.row(9, "总分", null, null, 50);
        return f.bytes();
    }

    /** Weights in the names (45%), as shares of 100 inside each parent, and one score split over ①–④ sub-rows. */
    static byte[] weights() {
        Form f = new Form(new XSSFWorkbook()).sheet("权重");
        f.row(1, "一级指标（权重）", "二级指标", "权重", "三级指标", "分值", "评分标准");
        f.row(2, "经济发展（45%）", "项目投资", 60, "重点项目完成投资", 50, "完成得满分");
        f.row(3, null, null, null, "新开工项目数", 50, "每少一个扣2分");
        f.row(4, null, "招商引资", 40, "实际利用外资", 100, "①完成目标得5分");
        f.row(5, null, null, null, null, null, "②超额完成加1分");
        f.row(6, null, null, null, null, null, "③未完成按比例扣分");
        f.row(7, null, null, null, null, null, "④数据不实不得分");
        f.row(8, "社会事业（55%）", "教育", 100, "义务教育巩固率", 100, "达到目标得满分");
        f.merge("A2:A7").merge("B2:B3").merge("C2:C3").merge("B4:B7").merge("C4:C7").merge("D4:D7").merge("E4:E7");
        return f.bytes();
    }

    /** One list, several weight columns for different kinds of unit; a flat list is one goal of its sheet. */
    static byte[] unitKinds() {
        Form f = new Form(new XSSFWorkbook()).sheet("考核指标");
        f.row(1, "序号", "考核指标", "权重（市直部门）", "权重（县区）", "牵头单位");
        f.row(2, 1, "营商环境评价", 30, 20, "市发展改革委");
        f.row(3, 2, "安全生产", 40, 50, "市应急管理局");
        f.row(4, 3, "生态环境质量", 30, 30, "市生态环境局");
        return f.bytes();
    }

    /** 自评表: an empty category, blank placeholder rows, 得分 ignored, 总分, 审核意见 and 填表人 footers, 填表说明. */
    static byte[] selfAssessment() {
        Form f = new Form(new XSSFWorkbook()).sheet("自评表");
        f.row(1, "2026年度部门绩效自评表").merge("A1:F1");
        f.row(2, "单位名称：市交通运输局");
        f.row(3, "一级指标", "二级指标", "三级指标", "分值", "年度目标值", "自评得分");
        f.row(4, "产出指标", "数量指标", "完成养护里程", 20, "≥500公里", 18);
        f.row(5, null, "质量指标", null, 10, null, null);
        f.at(6, 3, ""); // a placeholder row: a cell typed empty
        f.row(7, "效益指标", "社会效益", "公众出行满意度", 20, "≥85%", 19);
        f.merge("A4:A6");
        f.row(8, "总分", null, null, 50, null, 37).merge("A8:C8");
        f.row(10, "审核意见：同意").merge("A10:F10");
        f.row(11, "填表人：王芳");
        f.row(12, "填表说明：").merge("A12:F12");
        f.row(13, "1. 分值合计100分。").merge("A13:F13");
        return f.bytes();
    }

    /** One sheet per division (the sheet's name is the owner), a near-empty formatted sheet, a hidden copy. */
    static byte[] departments() {
        Form f = new Form(new XSSFWorkbook());
        f.sheet("办公室");
        f.row(1, "办公室2026年度绩效目标").merge("A1:D1");
        f.row(2, "指标名称", "分值", "目标值", "完成时限");
        f.row(3, "公文办理及时率", 50, "100%", "全年");
        f.row(4, "督办事项办结率", 50, "≥95%", "每季度末");
        f.sheet("财务处");
        f.row(1, "指标名称", "分值", "目标值", "完成时限");
        f.row(2, "预算执行率", 60, "≥90%", "12月31日");
        f.row(3, "决算报送", 40, "按时", "3月底");
        f.sheet("Sheet3");
        Sheet empty = f.current();
        CellStyle bordered = f.wb.createCellStyle();
        bordered.setBorderBottom(BorderStyle.THIN);
        for (int r = 0; r < 300; r++) {
            Row row = empty.createRow(r);
            for (int c = 0; c < 6; c++) {
                row.createCell(c).setCellStyle(bordered);
            }
        }
        f.sheet("办公室 (2)");
        f.row(1, "指标名称", "分值", "目标值", "完成时限");
        f.row(2, "公文办理及时率（旧）", 100, "90%", "全年");
        f.wb.setSheetHidden(f.wb.getSheetIndex("办公室 (2)"), true);
        return f.bytes();
    }

    /** 重点工作任务书: deadlines in every form clerks write them. */
    static byte[] deadlines() {
        Form f = new Form(new XSSFWorkbook()).sheet("任务书");
        f.row(1, "2026年重点工作任务书").merge("A1:D1");
        f.row(2, "序号", "重点工作任务", "责任处室", "完成时限");
        String[] when = {"2026/6/30", "2026-06-30", "2026.6.30", "2026年6月30日", "6月30日", "6月底", "上半年", "年底",
            "每季度末", "3-5月", "4月—12月", "2025.07-2026.01", "6月30日前完成初稿，9月底前完成验收", "长期坚持"};
        for (int i = 0; i < when.length; i++) {
            f.row(3 + i, i + 1, "任务" + (i + 1), "综合处", when[i]);
        }
        f.row(3 + when.length, when.length + 1, "任务" + (when.length + 1), "综合处", null).date(3 + when.length, 3,
                java.time.LocalDate.of(2026, 9, 30));
        return f.bytes();
    }

    /** Owners: several in a cell, a lead marked, co-operating units, persons, and words that name nobody. */
    static byte[] owners() {
        Form f = new Form(new XSSFWorkbook()).sheet("分解表");
        f.row(1, "工作任务", "牵头单位", "配合单位", "责任人");
        f.row(2, "优化营商环境", "办公室、法规处", "审批处", "张伟");
        f.row(3, "推进数字交通", "科技处（牵头）", "各处室", "李娜（副处长）");
        f.row(4, "开展绩效评估", "被评估单位", null, null);
        f.row(5, "完善统计制度", "暂无，待明确", null, null);
        f.row(6, "落实安全责任", "本单位", "相关单位", null);
        return f.bytes();
    }

    /** Full-width digits, numbers stored as text, formulas, trailing spaces, a hidden row, a text cell with no value. */
    static byte[] clerkTyping() {
        Form f = new Form(new XSSFWorkbook()).sheet("Sheet1");
        f.row(1, "一级指标 ", " 指标名称", "分值", "目标值", "计量单位", "完成时限");
        f.row(2, "党的建设  ", "党员学习参学率 ", "２０", "９５％", "％", "２０２６年６月３０日");
        f.row(3, null, "主题党日活动次数", "10", "12", "次", "每月");
        f.row(4, null, "作废的指标", 5, "1", "项", "年底");
        f.row(5, null, "支部规范化建设", null, "达标", null, "12月31日");
        f.formula(5, 2, "C3*2", 20);
        f.row(6, null, "", null, null, null, null);
        f.merge("A2:A6");
        f.hideRow(4);
        f.textCell(6, 1);
        return f.bytes();
    }

    /**
     * An indicator catalogue as WPS saves it: element prefixes, no cell references, inline strings,
     * absolute part names, its own custom properties; some readers do not open such files.
     */
    static byte[] wpsCatalogue() {
        String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"/docProps/custom.xml\"/>"
                + "</Relationships>");
        parts.put("docProps/custom.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
                + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"KSOProductBuildVer\"><vt:lpwstr>2052-11.1.0.14309</vt:lpwstr></property></Properties>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><x:workbook xmlns:x=\"" + ns + "\" xmlns:r=\"" + rel + "\">"
                + "<x:sheets><x:sheet name=\"指标库\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
                + "</Relationships>");
        String[][] rows = {
            {"序号", "一级分类", "指标名称", "计量单位", "指标解释", "评分标准"},
            {"1", "经济运行", "规模以上工业增加值增速", "%", "反映工业经济增长情况", "完成目标得满分"},
            {"2", "", "固定资产投资增速", "%", "反映投资增长情况", "每低1个百分点扣1分"},
            {"3", "民生保障", "城镇新增就业人数", "万人", "当年新增就业", "完成得满分"},
        };
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x:worksheet xmlns:x=\"" + ns + "\"><x:sheetData>");
        for (String[] r : rows) {
            sheet.append("<x:row>");
            for (String v : r) {
                sheet.append("<x:c t=\"inlineStr\"><x:is><x:t>").append(v).append("</x:t></x:is></x:c>");
            }
            sheet.append("</x:row>");
        }
        sheet.append("</x:sheetData></x:worksheet>");
        parts.put("xl/worksheets/sheet1.xml", sheet.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** WPS "另存为" an old workbook under an .xlsx name: BIFF8 inside. */
    static byte[] wpsSavedAsXls() {
        Form f = new Form(new HSSFWorkbook()).sheet("Sheet1");
        f.row(1, "指标名称", "分值", "目标值", "责任处室");
        f.row(2, "道路养护合格率", 60, "≥98%", "养护处");
        f.row(3, "桥梁检测覆盖率", 40, "100%", "养护处");
        return f.bytes();
    }

    /** An old .xls with a two-level tree in merged cells and a date cell. */
    static byte[] oldFormat() {
        Form f = new Form(new HSSFWorkbook()).sheet("目标表");
        f.row(1, "一级指标", "二级指标", "分值", "目标值", "完成时限");
        f.row(2, "运输服务", "客运准点率", 40, "≥95%", null).date(2, 4, java.time.LocalDate.of(2026, 12, 31));
        f.row(3, null, "货运周转量增长", 30, "6%", "年底");
        f.row(4, "行业安全", "重大事故起数", 30, "0", "全年");
        f.merge("A2:A3");
        return f.bytes();
    }

    /** A CSV saved by Excel on a Chinese Windows: GB18030, commas, a quoted cell with a comma. */
    static byte[] gbkCsv() {
        String text = "一级指标,指标名称,分值,目标值,责任处室\r\n"
                + "综合管理,\"公文办理及时率，含督办\",50,100%,办公室\r\n"
                + ",信息公开按时率,50,≥95%,办公室\r\n";
        return text.getBytes(Charset.forName("GB18030"));
    }

    /** Values that cannot be read: a word as points, a negative weight, a target out of range. */
    static byte[] badValues() {
        Form f = new Form(new XSSFWorkbook()).sheet("指标");
        f.row(1, "一级指标", "指标名称", "分值", "目标值");
        f.row(2, "综合", "公文处理", "三十", "95%");
        f.row(3, null, "会议组织", -5, "100%");
        f.row(4, null, "档案管理", 10, "1E20");
        return f.bytes();
    }

    /** A tiny builder: rows by Excel's numbers, values from column A, merges by reference. */
    static final class Form {
        final Workbook wb;
        private Sheet sheet;

        Form(Workbook wb) {
            this.wb = wb;
        }

        Form sheet(String name) {
            sheet = wb.createSheet(name);
            return this;
        }

        Sheet current() {
            return sheet;
        }

        private Row rowAt(int excelRow) {
            Row r = sheet.getRow(excelRow - 1);
            return r == null ? sheet.createRow(excelRow - 1) : r;
        }

        Form row(int excelRow, Object... values) {
            Row r = rowAt(excelRow);
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    at(excelRow, c, values[c]);
                }
            }
            return this;
        }

        Form at(int excelRow, int col, Object value) {
            Cell cell = rowAt(excelRow).createCell(col);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
            return this;
        }

        Form percent(int excelRow, int col, double value) {
            Cell cell = rowAt(excelRow).createCell(col);
            cell.setCellValue(value);
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat("0%"));
            cell.setCellStyle(s);
            return this;
        }

        Form date(int excelRow, int col, java.time.LocalDate value) {
            Cell cell = rowAt(excelRow).createCell(col);
            cell.setCellValue(value);
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            cell.setCellStyle(s);
            return this;
        }

        /** A formula with the value Excel cached for it. */
        Form formula(int excelRow, int col, String formula, double cached) {
            Cell cell = rowAt(excelRow).createCell(col);
            cell.setCellFormula(formula);
            cell.setCellValue(cached); // on a formula cell: the cached result
            return this;
        }

        /** A cell formatted as text that holds nothing. */
        Form textCell(int excelRow, int col) {
            Cell cell = rowAt(excelRow).createCell(col);
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat("@"));
            cell.setCellStyle(s);
            return this;
        }

        Form hideRow(int excelRow) {
            rowAt(excelRow).setZeroHeight(true);
            return this;
        }

        Form merge(String ref) {
            sheet.addMergedRegion(CellRangeAddress.valueOf(ref));
            return this;
        }

        byte[] bytes() {
            try (wb) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes every generated form into the corpus folder. */
    static void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Supplier<byte[]>> e : all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue().get());
        }
    }
}
