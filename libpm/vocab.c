/*
 * vocab.c - the vocabularies and looking words up in them.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "i18n.h"
#include "text.h"
#include "vocab.h"

#define END { NULL, NULL, NULL, NULL }

static const struct pm_word occupancy[] = {
	{ "occupied", "自住", "入住|已入住", NULL },
	{ "vacant", "空置", "空房", NULL },
	{ "rented", "出租", "租住|已出租", NULL },
	END
};
const struct pm_vocab pm_v_occupancy = { N_("occupancy"), occupancy };

static const struct pm_word condition[] = {
	{ "good", "完好", NULL, NULL },
	{ "basic", "基本完好", NULL, NULL },
	{ "poor", "损坏", "一般损坏", NULL },
	END
};
const struct pm_vocab pm_v_condition = { N_("condition"), condition };

/* In rising rank: pm_vocab_index() is the rank. */
static const struct pm_word role[] = {
	{ "staff", "员工", NULL, NULL },
	{ "lead", "班长", "组长", NULL },
	{ "supervisor", "主管", NULL, NULL },
	{ "manager", "经理", NULL, NULL },
	END
};
const struct pm_vocab pm_v_role = { N_("role"), role };

/* "all" is the total row of the counts, and names every kind. */
static const struct pm_word ticket_kind[] = {
	{ "repair", "报修", "维修", NULL },
	{ "complaint", "投诉", NULL, NULL },
	{ "inquiry", "咨询", NULL, NULL },
	{ "suggestion", "建议", NULL, NULL },
	{ "all", "合计", "全部", "repair,complaint,inquiry,suggestion" },
	END
};
const struct pm_vocab pm_v_ticket_kind = { N_("kind"), ticket_kind };

/*
 * "open" is every status that is not final: the ticket still needs
 * something (work, a callback, or closing).
 */
static const struct pm_word ticket_status[] = {
	{ "new", "待处理", "新建", NULL },
	{ "assigned", "已派工", "已分派", NULL },
	{ "in_progress", "处理中", "in-progress", NULL },
	{ "waiting", "暂停", "等待", NULL },
	{ "resolved", "已完成", "已解决", NULL },
	{ "called_back", "已回访", "called-back", NULL },
	{ "closed", "已关闭", NULL, NULL },
	{ "cancelled", "已取消", "canceled", NULL },
	{ "open", "未关闭", NULL,
	    "new,assigned,in_progress,waiting,resolved,called_back" },
	END
};
const struct pm_vocab pm_v_ticket_status = { N_("status"), ticket_status };

static const struct pm_word source[] = {
	{ "phone", "电话", NULL, NULL },
	{ "walk-in", "来访", "walk_in|walkin|前台", NULL },
	{ "visit", "走访", NULL, NULL },
	{ "inspection", "巡查", "巡检", NULL },
	{ "online", "网上", "线上|微信", NULL },
	END
};
const struct pm_vocab pm_v_source = { N_("source"), source };

static const struct pm_word satisfaction[] = {
	{ "satisfied", "满意", NULL, NULL },
	{ "basic", "基本满意", "basically-satisfied|basically_satisfied",
	    NULL },
	{ "dissatisfied", "不满意", NULL, NULL },
	END
};
const struct pm_vocab pm_v_satisfaction = { N_("satisfaction"),
	satisfaction };

static const struct pm_word level[] = {
	{ "1", "一级", NULL, NULL },
	{ "2", "二级", NULL, NULL },
	{ "3", "三级", NULL, NULL },
	END
};
const struct pm_vocab pm_v_level = { N_("level"), level };

static const struct pm_word deadline[] = {
	{ "notice", "通报", NULL, NULL },
	{ "onsite", "到场", NULL, NULL },
	{ "same_day", "当日完成", "same-day", NULL },
	{ "feedback", "反馈", NULL, NULL },
	{ "completion", "完成", NULL, NULL },
	END
};
const struct pm_vocab pm_v_deadline = { N_("deadline"), deadline };

static const struct pm_word clock[] = {
	{ "calendar", "日历时间", NULL, NULL },
	{ "working", "工作时间", NULL, NULL },
	END
};
const struct pm_vocab pm_v_clock = { N_("clock"), clock };

static const struct pm_word unit_kind[] = {
	{ "unit", "房屋", NULL, NULL },
	{ "public", "公共区域", NULL, NULL },
	END
};
const struct pm_vocab pm_v_unit_kind = { N_("kind"), unit_kind };

static const struct pm_word event[] = {
	{ "add", "受理", NULL, NULL },
	{ "assign", "派工", NULL, NULL },
	{ "start", "开始处理", NULL, NULL },
	{ "note", "备注", NULL, NULL },
	{ "feedback", "反馈", NULL, NULL },
	{ "wait", "暂停", NULL, NULL },
	{ "resume", "恢复", NULL, NULL },
	{ "resolve", "完成", NULL, NULL },
	{ "reopen", "重开", NULL, NULL },
	{ "callback", "回访", NULL, NULL },
	{ "close", "关闭", NULL, NULL },
	{ "cancel", "取消", NULL, NULL },
	{ "escalate", "升级", NULL, NULL },
	{ "due", "到期提醒", NULL, NULL },
	END
};
const struct pm_vocab pm_v_event = { N_("event"), event };

static const struct pm_word estate_kind[] = {
	{ "departments", "部门", NULL, NULL },
	{ "staff", "员工", NULL, NULL },
	{ "buildings", "楼栋", NULL, NULL },
	{ "units", "房屋", NULL, NULL },
	{ "public areas", "公共区域", NULL, NULL },
	{ "common parts", "公共部位", NULL, NULL },
	{ "categories", "工单类别", NULL, NULL },
	{ "sla", "服务时限", NULL, NULL },
	{ "kpi targets", "指标目标", NULL, NULL },
	{ "calendar days", "节假日与调休", NULL, NULL },
	{ "settings", "设置", NULL, NULL },
	{ "checklists", "检查表", NULL, NULL },
	{ "checklist items", "检查项", NULL, NULL },
	{ "facilities", "设备设施", NULL, NULL },
	{ "maintenance plans", "保养计划", NULL, NULL },
	{ "rounds", "巡检路线", NULL, NULL },
	{ "round places", "巡检点", NULL, NULL },
	{ "work plans", "工作计划", NULL, NULL },
	{ "visit quotas", "走访定额", NULL, NULL },
	{ "training quotas", "培训定额", NULL, NULL },
	{ "survey lines", "满意度调查项目", NULL, NULL },
	{ "duty posts", "值班岗位", NULL, NULL },
	{ "gate settings", "门岗设置", NULL, NULL },
	{ "fee settings", "收费设置", NULL, NULL },
	{ "fee books", "账簿", NULL, NULL },
	{ "receipt series", "收据序列", NULL, NULL },
	{ "fee items", "收费项目", NULL, NULL },
	{ "fee rates", "收费标准", NULL, NULL },
	{ "fee scopes", "收费范围", NULL, NULL },
	{ "parking spaces", "车位", NULL, NULL },
	{ "parking holders", "车位使用人", NULL, NULL },
	{ "statement formats", "对账单格式", NULL, NULL },
	END
};
const struct pm_vocab pm_v_estate_kind = { N_("kind"), estate_kind };

static const struct pm_word estate_action[] = {
	{ "add", "新增", NULL, NULL },
	{ "change", "修改", NULL, NULL },
	{ "retire", "停用", NULL, NULL },
	END
};
const struct pm_vocab pm_v_estate_action = { N_("action"), estate_action };

/* The KPIs of DESIGN.md section 6 that have one target each. */
static const struct pm_word kpi[] = {
	{ "complaint_timeliness", "投诉处理及时率", "投诉及时率", NULL },
	{ "repair_timeliness", "维修及时率", NULL, NULL },
	{ "callback_rate", "回访率", NULL, NULL },
	{ "callback_satisfaction", "回访满意率", NULL, NULL },
	{ "first_time_fix", "一次处理率", NULL, NULL },
	{ "collection_rate", "当期收缴率", "收缴率|收费率", NULL },
	{ "arrears_recovery", "清欠率", NULL, NULL },
	{ "combined_collection", "综合收缴率", NULL, NULL },
	{ "facility_intact", "设施设备完好率", "设备完好率", NULL },
	{ "housing_intact", "房屋完好率", NULL, NULL },
	{ "owner_satisfaction", "业主满意度", NULL, NULL },
	{ "walk_visits", "走访", "走访率", NULL },
	{ "training", "培训", "培训率", NULL },
	END
};
const struct pm_vocab pm_v_kpi = { N_("kpi"), kpi };

/* Why a record is in or out of a figure (pm-report explain). */
static const struct pm_word kpi_reason[] = {
	{ "met", "按时", NULL, NULL },
	{ "late", "超时完成", NULL, NULL },
	{ "feedback_late", "反馈超时", NULL, NULL },
	{ "overdue", "超时未完成", NULL, NULL },
	{ "cancelled", "期限前取消", NULL, NULL },
	{ "cancelled_late", "超时后取消", NULL, NULL },
	{ "paused", "暂停中", NULL, NULL },
	{ "not_due", "未到期", NULL, NULL },
	{ "moved", "期限顺延", NULL, NULL },
	{ "called_back", "已回访", NULL, NULL },
	{ "not_called_back", "未回访", NULL, NULL },
	{ "fixed", "一次解决", NULL, NULL },
	{ "reopened", "返修", NULL, NULL },
	{ "satisfied", "满意", NULL, NULL },
	{ "basic", "基本满意", NULL, NULL },
	{ "dissatisfied", "不满意", NULL, NULL },
	/* facilities and housing at the period's end (kpi_inspect.c) */
	{ "good", "完好", NULL, NULL },
	{ "faulty", "故障", NULL, NULL },
	{ "out_of_service", "停用", NULL, NULL },
	{ "retired", "移出台帐", NULL, NULL },
	{ "basic_good", "基本完好", NULL, NULL },
	{ "damaged", "一般损坏", NULL, NULL },
	{ "serious", "严重损坏", NULL, NULL },
	{ "dangerous", "危险房", NULL, NULL },
	/* bills (kpi_fee.c) */
	{ "paid", "已缴清", NULL, NULL },
	{ "part_paid", "部分缴纳", NULL, NULL },
	{ "unpaid", "未缴", NULL, NULL },
	{ "paid_before", "期初前已缴清", NULL, NULL },
	{ "discount", "空置优惠", NULL, NULL },
	{ "voided", "收据作废", NULL, NULL },
	{ "handed_over", "期内交房", NULL, NULL },
	/* quotas (kpi_people.c) */
	{ "quota_met", "完成定额", NULL, NULL },
	{ "short", "未完成定额", NULL, NULL },
	END
};
const struct pm_vocab pm_v_kpi_reason = { N_("reason"), kpi_reason };
/*
 * pm-inspect: the three levels of a check, in rising rank
 * (pm_vocab_index() is the rank), an item's result, facility kinds and
 * states, the housing grades of the damage standard, intervals, what
 * "due" lists, work-plan frequencies and weekdays.
 */
static const struct pm_word inspect_level[] = {
	{ "self", "自检", "员工自检", NULL },
	{ "lead", "班长检查", "班长", NULL },
	{ "supervisor", "主管抽查", "主管|抽查", NULL },
	END
};
const struct pm_vocab pm_v_inspect_level = { N_("level"), inspect_level };

static const struct pm_word result[] = {
	{ "pass", "合格", "ok|y|yes|通过", NULL },
	{ "fail", "不合格", "x|n|no|不通过", NULL },
	END
};
const struct pm_vocab pm_v_result = { N_("result"), result };

static const struct pm_word facility_kind[] = {
	{ "power", "供配电", "供电|配电", NULL },
	{ "water", "给排水", "供水|排水", NULL },
	{ "fire", "消防", NULL, NULL },
	{ "lift", "电梯", "elevator", NULL },
	{ "security", "安防", "安防系统|弱电", NULL },
	{ "other", "其他", NULL, NULL },
	END
};
const struct pm_vocab pm_v_facility_kind = { N_("kind"), facility_kind };

static const struct pm_word facility_state[] = {
	{ "good", "完好", "正常", NULL },
	{ "faulty", "故障", NULL, NULL },
	{ "out_of_service", "停用", "out-of-service|停运", NULL },
	END
};
const struct pm_vocab pm_v_facility_state = { N_("state"), facility_state };

static const struct pm_word grade[] = {
	{ "good", "完好", NULL, NULL },
	{ "basic", "基本完好", NULL, NULL },
	{ "damaged", "一般损坏", NULL, NULL },
	{ "serious", "严重损坏", NULL, NULL },
	{ "dangerous", "危险", "危房", NULL },
	END
};
const struct pm_vocab pm_v_grade = { N_("grade"), grade };

/* The named intervals; "15 days", "2 years" and the like are parsed. */
static const struct pm_word interval[] = {
	{ "daily", "每天", "每日", NULL },
	{ "weekly", "每周", NULL, NULL },
	{ "monthly", "每月", NULL, NULL },
	{ "quarterly", "每季度", "每季|季度", NULL },
	{ "half-yearly", "每半年", "half_yearly|半年", NULL },
	{ "yearly", "每年", "annually|年度", NULL },
	END
};
const struct pm_vocab pm_v_interval = { N_("interval"), interval };

static const struct pm_word often[] = {
	{ "daily", "每天", "每日", NULL },
	{ "days", "每周定日", NULL, NULL },
	{ "weekly", "每周", NULL, NULL },
	{ "monthly", "每月", NULL, NULL },
	{ "once", "一次", "每年一次", NULL },
	END
};
const struct pm_vocab pm_v_often = { N_("often"), often };

/* Monday first: pm_vocab_index() is the day of the week, Monday 0. */
static const struct pm_word weekday[] = {
	{ "mon", "周一", "monday|星期一", NULL },
	{ "tue", "周二", "tuesday|星期二", NULL },
	{ "wed", "周三", "wednesday|星期三", NULL },
	{ "thu", "周四", "thursday|星期四", NULL },
	{ "fri", "周五", "friday|星期五", NULL },
	{ "sat", "周六", "saturday|星期六", NULL },
	{ "sun", "周日", "sunday|星期日|星期天|周天", NULL },
	END
};
const struct pm_vocab pm_v_weekday = { N_("weekday"), weekday };

static const struct pm_word due_kind[] = {
	{ "round", "巡检", NULL, NULL },
	{ "maintenance", "保养", NULL, NULL },
	{ "certificate", "证书", NULL, NULL },
	{ "work", "工作计划", NULL, NULL },
	{ "vacant", "空置房", NULL, NULL },
	END
};
const struct pm_vocab pm_v_due_kind = { N_("kind"), due_kind };

static const struct pm_word due_status[] = {
	{ "due", "到期", NULL, NULL },
	{ "overdue", "逾期", NULL, NULL },
	END
};
const struct pm_vocab pm_v_due_status = { N_("status"), due_status };

/* What a facility's history holds. */
static const struct pm_word history_kind[] = {
	{ "state", "状态", NULL, NULL },
	{ "maintenance", "保养", NULL, NULL },
	{ "repair", "维修", NULL, NULL },
	{ "inspection", "检查", NULL, NULL },
	END
};
const struct pm_vocab pm_v_history_kind = { N_("kind"), history_kind };

static const struct pm_word intact_rate[] = {
	{ "housing_intact", "房屋完好率", NULL, NULL },
	{ "facility_intact", "设施设备完好率", NULL, NULL },
	END
};
const struct pm_vocab pm_v_intact_rate = { N_("rate"), intact_rate };
/*
 * The people side.
 */

static const struct pm_word quota_per[] = {
	{ "day", "每日", NULL, NULL },
	{ "month", "每月", NULL, NULL },
	END
};
const struct pm_vocab pm_v_quota_per = { N_("per"), quota_per };

static const struct pm_word todo_reason[] = {
	{ "dissatisfied", "不满意", NULL, NULL },
	{ "not_visited", "未走访", "not-visited", NULL },
	END
};
const struct pm_vocab pm_v_todo_reason = { N_("reason"), todo_reason };

static const struct pm_word reading[] = {
	{ "callback", "回访", NULL, NULL },
	{ "survey", "满意度调查", "调查", NULL },
	{ "visit", "走访", NULL, NULL },
	END
};
const struct pm_vocab pm_v_reading = { N_("source"), reading };

static const struct pm_word training_kind[] = {
	{ "pre-job", "岗前培训", "pre_job|prejob|岗前", NULL },
	{ "in-service", "在职培训", "in_service|业务培训", NULL },
	{ "drill", "演练", "演习|训练", NULL },
	{ "competition", "技能比武", "比武|竞赛", NULL },
	{ "test", "考核", "测试|月考", NULL },
	END
};
const struct pm_vocab pm_v_training_kind = { N_("kind"), training_kind };

static const struct pm_word pre_job[] = {
	{ "none", "未培训", NULL, NULL },
	{ "failed", "不合格", NULL, NULL },
	{ "unknown", "未评定", NULL, NULL },
	END
};
const struct pm_vocab pm_v_pre_job = { N_("pre-job training"), pre_job };

static const struct pm_word at_work[] = {
	{ "shift", "值班", NULL, NULL },
	{ "visit", "走访", NULL, NULL },
	{ "ticket", "工单", NULL, NULL },
	END
};
const struct pm_vocab pm_v_at_work = { N_("at work"), at_work };

static const struct pm_word entry_kind[] = {
	{ "note", "记录", "情况记录", NULL },
	{ "patrol", "巡查", "巡逻", NULL },
	{ "alarm", "报警", NULL, NULL },
	{ "incident", "事件", "突发事件", NULL },
	{ "handover", "交接班", "交接", NULL },
	END
};
const struct pm_vocab pm_v_entry_kind = { N_("kind"), entry_kind };

static const struct pm_word duty_gap[] = {
	{ "coverage", "在岗人数不足", NULL, NULL },
	{ "log", "记录间隔超时", NULL, NULL },
	END
};
const struct pm_vocab pm_v_duty_gap = { N_("gap"), duty_gap };

static const struct pm_word gate_kind[] = {
	{ "visitor", "访客", NULL, NULL },
	{ "leave", "离开", NULL, NULL },
	{ "goods", "物品进出", "物品", NULL },
	{ "worker", "装修人员", NULL, NULL },
	{ "tenant", "租户", NULL, NULL },
	{ "move", "大件搬运", "搬运|搬家", NULL },
	{ "offence", "违规", "offense", NULL },
	END
};
const struct pm_vocab pm_v_gate_kind = { N_("kind"), gate_kind };

static const struct pm_word direction[] = {
	{ "in", "进", "入|搬入", NULL },
	{ "out", "出", "搬出", NULL },
	END
};
const struct pm_vocab pm_v_direction = { N_("direction"), direction };

static const struct pm_word carrier[] = {
	{ "resident", "住户", "业主", NULL },
	{ "visitor", "访客", NULL, NULL },
	{ "worker", "装修人员", "工人", NULL },
	END
};
const struct pm_vocab pm_v_carrier = { N_("carrier"), carrier };

static const struct pm_word offence_action[] = {
	{ "warning", "警告", NULL, NULL },
	{ "fine", "罚款或限制", "restriction", NULL },
	END
};
const struct pm_vocab pm_v_offence_action = { N_("action"), offence_action };
static const struct pm_word fee_method[] = {
	{ "cash", "现金", NULL, NULL },
	{ "transfer", "转账", "银行转账|bank", NULL },
	{ "wechat", "微信", "微信支付|weixin", NULL },
	{ "alipay", "支付宝", NULL, NULL },
	{ "other", "其他", NULL, NULL },
	END
};
const struct pm_vocab pm_v_fee_method = { N_("method"), fee_method };

static const struct pm_word fee_basis[] = {
	{ "area", "按面积", NULL, NULL },
	{ "unit", "按户", NULL, NULL },
	{ "space", "按车位", NULL, NULL },
	{ "meter", "按表计", NULL, NULL },
	{ "shared", "公摊", NULL, NULL },
	END
};
const struct pm_vocab pm_v_fee_basis = { N_("basis"), fee_basis };

static const struct pm_word fee_frequency[] = {
	{ "monthly", "按月", NULL, NULL },
	{ "quarterly", "按季", NULL, NULL },
	{ "yearly", "按年", NULL, NULL },
	END
};
const struct pm_vocab pm_v_fee_frequency = { N_("frequency"), fee_frequency };

static const struct pm_word fee_line_kind[] = {
	{ "charge", "应收", NULL, NULL },
	{ "vacancy", "空置减免", NULL, NULL },
	{ "meter", "抄表", NULL, NULL },
	{ "shared", "公摊", NULL, NULL },
	END
};
const struct pm_vocab pm_v_fee_line_kind = { N_("kind"), fee_line_kind };

/* What a statement's row is, and a receipt's state. */
static const struct pm_word fee_doc_kind[] = {
	{ "bill", "账单", NULL, NULL },
	{ "payment", "收款", NULL, NULL },
	{ "refund", "退款", NULL, NULL },
	{ "void", "作废", NULL, NULL },
	{ "late_fee", "滞纳金", NULL, NULL },
	{ "valid", "有效", NULL, NULL },
	END
};
const struct pm_vocab pm_v_fee_doc = { N_("kind"), fee_doc_kind };

static const struct pm_word fee_book_kind[] = {
	{ "income", "经营收入", NULL, NULL },
	{ "common", "共有部分收入", NULL, NULL },
	{ "collected", "代收代缴", NULL, NULL },
	{ "deposit", "押金保证金", NULL, NULL },
	END
};
const struct pm_vocab pm_v_fee_book_kind = { N_("kind"), fee_book_kind };

/* Whether 's' is one of the '|'-separated names in 'list'. */
static int
in_list(const char *list, const char *s)
{
	size_t n = strlen(s);
	const char *p = list, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, '|');
		if ((size_t)((e != NULL ? e : p + strlen(p)) - p) == n &&
		    strncasecmp(p, s, n) == 0)
			return 1;
		p = e != NULL ? e + 1 : NULL;
	}
	return 0;
}

const char *
pm_vocab_find(const struct pm_vocab *v, const char *s)
{
	const struct pm_word *w;

	if (s == NULL)
		return NULL;
	for (w = v->words; w->id != NULL; w++)
		if (strcasecmp(s, w->id) == 0 || strcmp(s, w->zh) == 0 ||
		    (w->alias != NULL && in_list(w->alias, s)))
			return w->id;
	return NULL;
}

const struct pm_word *
pm_vocab_word(const struct pm_vocab *v, const char *id)
{
	const struct pm_word *w;

	for (w = v->words; id != NULL && w->id != NULL; w++)
		if (strcmp(w->id, id) == 0)
			return w;
	return NULL;
}

const char *
pm_vocab_label(const struct pm_vocab *v, const char *id)
{
	const struct pm_word *w;

	if (pm_i18n_lang() != PM_LANG_ZH || (w = pm_vocab_word(v, id)) ==
	    NULL)
		return id;
	return w->zh;
}

int
pm_vocab_index(const struct pm_vocab *v, const char *id)
{
	const struct pm_word *w;

	for (w = v->words; id != NULL && w->id != NULL; w++)
		if (strcmp(w->id, id) == 0)
			return (int)(w - v->words);
	return -1;
}

const char *
pm_vocab_id(const struct pm_vocab *v, int i)
{
	int n;

	for (n = 0; v->words[n].id != NULL; n++)
		;
	return i >= 0 && i < n ? v->words[i].id : NULL;
}

int
pm_vocab_in(const struct pm_vocab *v, const char *group_id, const char *id)
{
	const struct pm_word *g = pm_vocab_word(v, group_id);
	const char *p, *e;
	size_t n;

	if (g == NULL || id == NULL)
		return 0;
	n = strlen(id);
	if (strcmp(group_id, id) == 0)
		return 1;
	for (p = g->group; p != NULL && *p != '\0'; p = e != NULL ? e + 1 :
	    NULL) {
		e = strchr(p, ',');
		if ((size_t)((e != NULL ? e : p + strlen(p)) - p) == n &&
		    strncmp(p, id, n) == 0)
			return 1;
	}
	return 0;
}

/* "a, b or c" of the words (not the groups), in the reader's language. */
static void
choices(const struct pm_vocab *v, int groups, char *buf, size_t len)
{
	const struct pm_word *w;
	size_t o = 0;
	int n = 0, i = 0;

	for (w = v->words; w->id != NULL; w++)
		if (groups || w->group == NULL)
			n++;
	buf[0] = '\0';
	for (w = v->words; w->id != NULL && o < len; w++) {
		if (!groups && w->group != NULL)
			continue;
		o += (size_t)snprintf(buf + o, len - o, "%s%s", i == 0 ? "" :
		    i == n - 1 ? _(" or ") : _(", "),
		    pm_vocab_label(v, w->id));
		i++;
	}
}

int
pm_vocab_check(const struct pm_vocab *v, const char *s, int groups,
    const char **id)
{
	const char *found = pm_vocab_find(v, s);
	char list[512];

	if (found != NULL && (groups || pm_vocab_word(v, found)->group ==
	    NULL)) {
		*id = found;
		return 0;
	}
	choices(v, groups, list, sizeof list);
	return pm_err(PM_EX_DATAERR, "%1$s %2$s: unknown %1$s (choose %3$s)",
	    _(v->what), pm_q(s), list);
}
