#include "time_entry_rules.h"

#include "http/http_types.h"
#include "json_codec.h"
#include "workflow/state_machine.h"

namespace keel::time_entry_rules {

namespace {

const Decimal kDayLimit = Decimal::fromInt(24);
constexpr int kDaysAhead = 14;
constexpr int kNotesMax = 2000;

void throwIfErrors(const QList<FieldError> &errors)
{
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);
}

} // namespace

const StateMachine &machine()
{
    static const StateMachine m{
        QStringLiteral("time_entry"),
        {"draft", "submitted", "approved", "rejected", "deleted", "invoiced"},
        QStringLiteral("draft"),
        {{"draft", "submit", "submitted"},
         {"rejected", "submit", "submitted"},
         {"submitted", "approve", "approved"},
         {"submitted", "reject", "rejected"},
         {"rejected", "edit", "draft"},
         {"draft", "delete", "deleted"},
         {"rejected", "delete", "deleted"},
         {"approved", "invoice", "invoiced"}}};
    return m;
}

TimeEmployee caller(const TimeEntryStore &store, const Request &request)
{
    const qint64 userId = request.caller().user.id;
    if (const auto e = store.employeeOfUser(userId))
        return *e;
    throw ApiError::forbidden(QStringLiteral("You have no employee record, so there is no time "
                                             "of yours to enter or submit; a resource manager "
                                             "creates the record."));
}

void throwStale(int sent, int current)
{
    throw ApiError(Problem{412,
                           problemTypeUri(ErrorType::StaleVersion),
                           QStringLiteral("Stale version"),
                           QStringLiteral("The entry changed since you read it (you have version "
                                          "%1, it is now %2); reload and try again.")
                               .arg(sent)
                               .arg(current),
                           {}});
}

TimeEntryFields parse(const QJsonObject &fields, bool adjustment)
{
    JsonReader in(fields);
    TimeEntryFields f;
    f.workDate = in.requiredDate(QStringLiteral("work_date"));
    f.projectId = in.requiredInt64(QStringLiteral("project_id"));
    if (const auto t = in.optionalInt64(QStringLiteral("task_id")))
        f.taskId = *t;
    const qsizetype errorsBefore = in.errors().size();
    f.hours = in.requiredDecimal(QStringLiteral("hours"));
    const bool hoursRead = in.errors().size() == errorsBefore;
    f.billable = in.optionalBool(QStringLiteral("billable"));
    if (const auto n = in.optionalString(QStringLiteral("notes")))
        f.notes = n->trimmed();
    if (hoursRead) {
        const bool places = f.hours.rounded(2) == f.hours;
        const bool range = adjustment ? (!f.hours.isZero() && f.hours.abs() <= kDayLimit)
                                      : (f.hours.isPositive() && f.hours <= kDayLimit);
        if (!places || !range)
            in.addError(QStringLiteral("hours"), "invalid_value",
                        adjustment ? QStringLiteral("a non-zero change of at most 24 hours, "
                                                    "2 decimals")
                                   : QStringLiteral("more than 0 and at most 24, 2 decimals"));
    }
    if (f.notes.size() > kNotesMax)
        in.addError(QStringLiteral("notes"), "too_long",
                    QStringLiteral("at most %1 characters").arg(kNotesMax));
    throwIfErrors(in.errors());
    return f;
}

void requireOpenPeriod(const TimeEntryStore &store, const QList<qint64> &entityIds,
                       const QDate &date)
{
    const QString closed = store.closedPeriod(entityIds, date);
    if (!closed.isEmpty())
        throwPeriodClosed(date, closed);
}

void throwPeriodClosed(const QDate &date, const QString &closed)
{
    const QString what = closed == QLatin1String("hard_closed") ? QStringLiteral("hard-closed")
                                                                : QStringLiteral("soft-closed");
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("The accounting period of %1 is %2; time can no longer "
                                          "be entered or changed there.")
                               .arg(date.toString(Qt::ISODate), what),
                           {{QStringLiteral("work_date"), QStringLiteral("period_closed"),
                             QStringLiteral("the period of this date is %1").arg(what)}}});
}

Checked check(const TimeEntryStore &store, const TimeEmployee &employee,
              const TimeEntryFields &fields, const QUuid &self)
{
    QList<FieldError> errors;
    const auto add = [&errors](const char *field, const char *code, const QString &message) {
        errors.append({QString::fromLatin1(field), QString::fromLatin1(code), message});
    };
    Checked out;
    const TimeEntryFacts facts =
        store.facts(employee, fields.projectId, fields.taskId, fields.workDate, self);
    const auto &project = facts.project;
    if (!project) {
        add("project_id", "unknown", QStringLiteral("no project has this id"));
        throwIfErrors(errors);
    }
    out.legalEntityId = project->legalEntityId;
    if (!facts.closedPeriod.isEmpty())
        throwPeriodClosed(fields.workDate, facts.closedPeriod);

    if (project->status == QLatin1String("closed"))
        add("project_id", "closed", QStringLiteral("the project is closed"));
    std::optional<TimeTaskFacts> task;
    if (fields.taskId) {
        task = facts.task;
        if (!task)
            add("task_id", "unknown", QStringLiteral("no task has this id"));
        else if (task->projectId != fields.projectId)
            add("task_id", "not_on_project", QStringLiteral("the task belongs to another project"));
        else if (task->status == QLatin1String("closed"))
            add("task_id", "closed", QStringLiteral("the task is closed"));
    }
    if (fields.workDate > QDate::currentDate().addDays(kDaysAhead))
        add("work_date", "too_far_ahead",
            QStringLiteral("at most %1 days after today").arg(kDaysAhead));
    const Decimal before = Decimal::parse(facts.dayHours).valueOr(Decimal());
    const Decimal day = before.add(fields.hours).valueOr(Decimal());
    if (day > kDayLimit)
        add("hours", "day_over_24",
            QStringLiteral("%1 hours are already entered on %2; a day has at most 24")
                .arg(before.toString(2), fields.workDate.toString(Qt::ISODate)));
    if (project->notesRequired && fields.notes.isEmpty())
        add("notes", "required", QStringLiteral("the client requires a note on every entry"));
    throwIfErrors(errors);

    out.billable = fields.billable ? *fields.billable : (task ? task->billable : true);
    out.outsideAssignment = !facts.onHardAssignment;
    return out;
}

} // namespace keel::time_entry_rules
