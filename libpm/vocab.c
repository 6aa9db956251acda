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
	{ "visit quotas", "走访定额", NULL, NULL },
	{ "training quotas", "培训定额", NULL, NULL },
	{ "survey lines", "满意度调查项目", NULL, NULL },
	{ "duty posts", "值班岗位", NULL, NULL },
	{ "gate settings", "门岗设置", NULL, NULL },
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
