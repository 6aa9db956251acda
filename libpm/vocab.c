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
