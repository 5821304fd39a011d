#!/bin/sh
# The plan stage of the demo year (issue 22) on the command line: the office sends the 指标体系 and the calendar;
# 厦门 (XM, a city) and 水利厅 (SLT, a department) link their trees, write their 方案 with the seven 制度 and a
# work plan and send them; SLT's is returned once and then approved (批复), XM's is filed (备案); a changed date
# reaches both; the office compares them indicator by indicator through the codes.
# PlanStageDemoCliTest runs the same steps and checks what each prints.
#
# Run from the project folder:  sh sample-data/plan-stage-demo.sh [DIR]    (DIR default: plan-stage-demo)
# PERFDESK is the command (default: perfdesk); the demo's passphrase is perfdesk-demo.
set -e
P=${PERFDESK:-perfdesk}
D=${1:-plan-stage-demo}
S=sample-data
export PERFDESK_PASSPHRASE=${PERFDESK_PASSPHRASE:-perfdesk-demo}

$P demo --out "$D"

# 1. The office: each group's indicator system from a spreadsheet; the plan due on 25 July; both sent down.
$P system import-xlsx --workspace "$D/office" --year 2008 --group cities $S/indicator-system-2008-cities.xlsx
$P system import-xlsx --workspace "$D/office" --year 2008 --group departments $S/indicator-system-2008-departments.xlsx
$P calendar set --workspace "$D/office" --year 2008 --step plan --date 2008年7月25日
$P system send --workspace "$D/office" --year 2008 --out "$D/down"
$P calendar send --workspace "$D/office" --year 2008 --out "$D/down"

# 2. Each unit imports its two packages and links its tree: by name, then by hand.
for U in XM SLT; do
  $P import --workspace "$D/$U" "$D"/down/*-$U-*.perfpkg
  $P calendar show --workspace "$D/$U" --year 2008
  $P system link --workspace "$D/$U" --year 2008 --auto
done
$P system link --workspace "$D/XM" --year 2008 --link 编制政府信息公开指南和目录=C4.3
$P system link --workspace "$D/SLT" --year 2008 --link 规范性文件合法性审查率=D1.1 --link 编制政府信息公开指南和目录=D1.2

# 3. Their 方案: drafted from the tree and the calendar, a section rewritten, the work plan attached; sent up.
mkdir -p "$D/up"
for U in XM SLT; do
  $P plan draft --workspace "$D/$U" --year 2008
  printf '2008年度绩效管理工作计划\n一、工作目标\n二、工作步骤\n' > "$D/$U-2008年度绩效管理工作计划.txt"
  $P plan attach --workspace "$D/$U" --year 2008 --file "$D/$U-2008年度绩效管理工作计划.txt"
done
$P plan set --workspace "$D/XM" --year 2008 --section system:RESULTS_USE --text 绩效评估结果作为领导班子和干部考核、评先评优的重要依据。
$P plan show --workspace "$D/XM" --year 2008
for U in XM SLT; do
  $P export --workspace "$D/$U" --kind plan --year 2008 --out "$D/up"
done

# 4. The office: both 方案 in; SLT's returned (批复 groups: 批复同意 / 退回修改), XM's filed (备案: 予以备案 / 请更正).
$P import --workspace "$D/office" "$D/up"
$P system status --workspace "$D/office" --year 2008
$P plan show --workspace "$D/office" --year 2008 --unit SLT
mkdir -p "$D/answers" "$D/up-again" "$D/approval"
$P review --workspace "$D/office" --unit SLT --year 2008 --return --reason 请补充汛期水利工程建设的督查措施。 --out "$D/answers"
$P review --workspace "$D/office" --unit XM --year 2008 --file --reason 方案齐全，予以备案。 --out "$D/answers"
$P import --workspace "$D/XM" "$D"/answers/*-XM-*.perfpkg
$P import --workspace "$D/SLT" "$D"/answers/*-SLT-*.perfpkg

# 5. SLT revises and sends again; the office approves (批复同意).
$P plan set --workspace "$D/SLT" --year 2008 --section system:MONITORING --text 每季度厅务会听取一次绩效汇报；汛期每月督查水利工程建设进度。
$P export --workspace "$D/SLT" --kind plan --year 2008 --out "$D/up-again"
$P import --workspace "$D/office" "$D/up-again"
$P review --workspace "$D/office" --unit SLT --year 2008 --approve --reason 同意。 --out "$D/approval"
$P import --workspace "$D/SLT" "$D"/approval/*-SLT-*.perfpkg
$P plan show --workspace "$D/SLT" --year 2008 | tail -n 1
$P plan show --workspace "$D/XM" --year 2008 | tail -n 1

# 6. A changed date reaches both units.
$P calendar set --workspace "$D/office" --year 2008 --step midyear --date 9月10日
$P calendar send --workspace "$D/office" --year 2008 --out "$D/calendar"
for U in XM SLT; do
  $P import --workspace "$D/$U" "$D"/calendar/*-$U-*.perfpkg
  $P calendar show --workspace "$D/$U" --year 2008
done

# 7. The year's end: the annual packages and the appraisal in; the units compared through the codes.
mkdir -p "$D/annual"
for U in XM SLT; do
  $P export --workspace "$D/$U" --kind annual --year 2008 --out "$D/annual"
done
$P import --workspace "$D/office" "$D/annual"
$P appraisal import --workspace "$D/office" --year 2008 --file $S/appraisal-2008.xlsx
$P system compare --workspace "$D/office" --year 2008
$P report --workspace "$D/office" --year 2008 --results "$D/results-2008.xlsx"
