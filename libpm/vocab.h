/*
 * vocab.h - every enumerated value users type or read, in one place.
 *
 * A vocabulary is a closed list of words.  Each word has the identifier
 * pm stores and prints to programs ("occupied"), the Chinese name staff
 * use (自住), shown in Chinese tables and accepted as input in every
 * language, and sometimes other spellings that are accepted too.  The
 * database and TSV, CSV and JSON only ever hold the identifier.
 *
 * A word may stand for a group of others ("open" for the ticket
 * statuses that are not final): pm_vocab_find() returns the group's own
 * identifier and pm_vocab_group() its members.
 */
#ifndef PM_VOCAB_H
#define PM_VOCAB_H

struct pm_word {
	const char *id;		/* "occupied" */
	const char *zh;		/* 自住 */
	const char *alias;	/* other spellings, '|'-separated, or NULL */
	const char *group;	/* a group: its member ids, ','-separated */
};

struct pm_vocab {
	const char *what;	/* what it names, for messages: "occupancy" */
	const struct pm_word *words;	/* ends with a NULL id */
};

extern const struct pm_vocab pm_v_occupancy;	/* occupied vacant rented */
extern const struct pm_vocab pm_v_condition;	/* good basic poor */
extern const struct pm_vocab pm_v_role;		/* staff lead supervisor manager */
extern const struct pm_vocab pm_v_ticket_kind;	/* repair complaint ... */
extern const struct pm_vocab pm_v_ticket_status; /* new ... cancelled, open */
extern const struct pm_vocab pm_v_source;	/* phone walk-in visit ... */
extern const struct pm_vocab pm_v_satisfaction;	/* satisfied basic dissatisfied */
extern const struct pm_vocab pm_v_level;	/* 1 2 3 */
extern const struct pm_vocab pm_v_deadline;	/* notice onsite same_day ... */
extern const struct pm_vocab pm_v_clock;	/* calendar working */
extern const struct pm_vocab pm_v_unit_kind;	/* unit public */
extern const struct pm_vocab pm_v_event;	/* add assign start ... */
extern const struct pm_vocab pm_v_estate_kind;	/* what pm-db apply counts */
extern const struct pm_vocab pm_v_estate_action; /* add change retire */
extern const struct pm_vocab pm_v_kpi;		/* complaint_timeliness ... */
extern const struct pm_vocab pm_v_kpi_reason;	/* met late ... (explain) */
/* pm-inspect's */
extern const struct pm_vocab pm_v_inspect_level; /* self lead supervisor */
extern const struct pm_vocab pm_v_result;	/* pass fail */
extern const struct pm_vocab pm_v_facility_kind; /* power water fire ... */
extern const struct pm_vocab pm_v_facility_state; /* good faulty out_of_service */
extern const struct pm_vocab pm_v_grade;	/* good basic damaged serious dangerous */
extern const struct pm_vocab pm_v_interval;	/* daily weekly monthly ... */
extern const struct pm_vocab pm_v_often;	/* daily days weekly monthly once */
extern const struct pm_vocab pm_v_weekday;	/* mon ... sun */
extern const struct pm_vocab pm_v_due_kind;	/* round maintenance ... */
extern const struct pm_vocab pm_v_due_status;	/* due overdue */
extern const struct pm_vocab pm_v_history_kind;	/* state maintenance ... */
extern const struct pm_vocab pm_v_intact_rate;	/* housing_intact ... */
/* The people side (pm-visit, pm-train, pm-survey, pm-duty, pm-gate). */
extern const struct pm_vocab pm_v_quota_per;	/* day month */
extern const struct pm_vocab pm_v_todo_reason;	/* dissatisfied not_visited */
extern const struct pm_vocab pm_v_reading;	/* callback survey visit */
extern const struct pm_vocab pm_v_training_kind; /* pre-job in-service ... */
extern const struct pm_vocab pm_v_pre_job;	/* none failed unknown */
extern const struct pm_vocab pm_v_at_work;	/* shift visit ticket */
extern const struct pm_vocab pm_v_entry_kind;	/* note patrol alarm ... */
extern const struct pm_vocab pm_v_duty_gap;	/* coverage log */
extern const struct pm_vocab pm_v_gate_kind;	/* visitor leave goods ... */
extern const struct pm_vocab pm_v_direction;	/* in out */
extern const struct pm_vocab pm_v_carrier;	/* resident visitor worker */
extern const struct pm_vocab pm_v_offence_action; /* warning fine */
extern const struct pm_vocab pm_v_fee_method;	/* cash transfer wechat ... */
extern const struct pm_vocab pm_v_fee_basis;	/* area unit space meter shared */
extern const struct pm_vocab pm_v_fee_frequency; /* monthly quarterly yearly */
extern const struct pm_vocab pm_v_fee_line_kind; /* charge vacancy meter shared */
extern const struct pm_vocab pm_v_fee_doc;	/* bill payment refund void ... */
extern const struct pm_vocab pm_v_fee_book_kind; /* income common ... */

/*
 * The identifier of the word 's' names: its identifier, its Chinese name
 * or one of its aliases; ASCII letters match in either case.  NULL when
 * 's' is none of them.
 */
const char *pm_vocab_find(const struct pm_vocab *v, const char *s);

/*
 * As pm_vocab_find(), but a value that is no word is an error:
 * PM_EX_DATAERR with "occupancy 'x': unknown occupancy (choose
 * occupied, vacant or rented)", the choices in the reader's language.
 * Sets *id on success.  Groups are accepted only when 'groups' is set.
 */
int pm_vocab_check(const struct pm_vocab *v, const char *s, int groups,
    const char **id);

/* The word for identifier 'id', or NULL. */
const struct pm_word *pm_vocab_word(const struct pm_vocab *v, const char *id);

/*
 * How identifier 'id' reads for people: its Chinese name when the
 * language is Chinese, else the identifier.  An unknown id is returned
 * as it is.
 */
const char *pm_vocab_label(const struct pm_vocab *v, const char *id);

/* The position of 'id' in the list (the rank of a role), or -1. */
int pm_vocab_index(const struct pm_vocab *v, const char *id);

/* The identifier at position 'i', or NULL. */
const char *pm_vocab_id(const struct pm_vocab *v, int i);

/*
 * Whether 'id' is 'group_id' itself or one of its members (for a word
 * that is no group: whether the two are the same).
 */
int pm_vocab_in(const struct pm_vocab *v, const char *group_id,
    const char *id);

#endif
