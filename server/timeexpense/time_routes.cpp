#include "time_routes.h"

#include "http/router.h"
#include "json_codec.h"
#include "missing_time_service.h"
#include "permissions.h"
#include "time_approval_service.h"
#include "time_entry_service.h"
#include "timesheet_service.h"

#include <memory>

namespace keel {

namespace {

QUuid uuidParam(const Request &r)
{
    const QUuid id = QUuid::fromString(r.params.value(QStringLiteral("id")));
    if (id.isNull())
        throw ApiError::notFound(QStringLiteral("A time entry is named by its UUID."));
    return id;
}

// The version the client read: If-Match, else `version` in the body or the query; 0 (create)
// when none is sent.
int baseVersion(const Request &r, const QJsonObject &body)
{
    QByteArray tag = r.header("If-Match").trimmed();
    if (tag.startsWith("W/"))
        tag = tag.mid(2);
    if (tag.startsWith('"') && tag.endsWith('"') && tag.size() >= 2)
        tag = tag.mid(1, tag.size() - 2);
    QString text = QString::fromLatin1(tag);
    QJsonValue v = body.value(QStringLiteral("version"));
    if (text.isEmpty() && v.isDouble())
        return v.toDouble() == double(v.toInt()) && v.toInt() >= 0
                   ? v.toInt()
                   : throw ApiError::invalidField(QStringLiteral("version"),
                                                  QStringLiteral("invalid_type"),
                                                  QStringLiteral("a whole number"));
    if (text.isEmpty())
        text = r.query.queryItemValue(QStringLiteral("version"));
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0)
        throw ApiError::invalidField(QStringLiteral("version"), QStringLiteral("invalid_value"),
                                     QStringLiteral("the version you read, a whole number"));
    return n;
}

QDate dateQuery(const Request &r, const char *name)
{
    const QString text = r.query.queryItemValue(QString::fromLatin1(name));
    const auto d = parseDate(text);
    if (!d)
        throw ApiError::invalidField(QString::fromLatin1(name),
                                     text.isEmpty() ? QStringLiteral("required")
                                                    : QStringLiteral("invalid_value"),
                                     QStringLiteral("a date YYYY-MM-DD"));
    return *d;
}

// An optional id filter (?project_id=); 0 when absent.
qint64 idQuery(const Request &r, const char *name)
{
    const QString key = QString::fromLatin1(name);
    if (!r.query.hasQueryItem(key))
        return 0;
    bool ok = false;
    const qint64 id = r.query.queryItemValue(key).toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(key, QStringLiteral("invalid_value"),
                                     QStringLiteral("a record id"));
    return id;
}

int limitQuery(const Request &r, int fallback, int max)
{
    if (!r.query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int n = r.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || n < 1 || n > max)
        throw ApiError::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                                     QStringLiteral("a number from 1 to %1").arg(max));
    return n;
}

// ?after= of a page keyed by (date, key): the previous page's next_after "YYYY-MM-DD/key".
// `keyOk` says whether the key part is valid.
template <typename KeyOk> QPair<QDate, QString> dateKeyAfter(const Request &r, KeyOk keyOk)
{
    // Fully decoded: a client may send the slash as %2F.
    const QString after = r.query.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    if (after.isEmpty())
        return {};
    const QStringList parts = after.split(u'/');
    const QDate date = parts.size() == 2 ? QDate::fromString(parts[0], Qt::ISODate) : QDate();
    if (!date.isValid() || !keyOk(parts[1]))
        throw ApiError::invalidField(QStringLiteral("after"), QStringLiteral("invalid_value"),
                                     QStringLiteral("next_after of the previous page"));
    return {date, parts[1]};
}

void registerWeekAndApprovalRoutes(Router &router, const DbConfig &config, const QString &base)
{
    using namespace Permission;
    const auto weeks = std::make_shared<const TimesheetService>(config);
    const auto approvals = std::make_shared<const TimeApprovalService>(config);
    router.add({"GET", base + "/weeks", TimeUse, Scope::Own,
                "Own weeks touching [from, to]: hours, submitted, entries per status",
                [weeks](Request &r) {
                    return Reply::json(weeks->weeks(r, dateQuery(r, "from"), dateQuery(r, "to")));
                }});
    router.add({"POST", base + "/weeks/{monday}/submit", TimeUse, Scope::Own,
                "Submit the week's draft and rejected entries for approval", [weeks](Request &r) {
                    const auto monday = parseDate(r.params.value(QStringLiteral("monday")));
                    if (!monday)
                        throw ApiError::notFound(
                            QStringLiteral("A week is named by its Monday, YYYY-MM-DD."));
                    return Reply::json(weeks->submit(r, *monday));
                }});
    // The service keeps each project manager to the lines they decide (my_projects).
    router.add({"GET", base + "/approvals", TimeApprove, Scope::MyProjects,
                "Submitted entries of the caller's projects, keyset paged by (work_date, id)",
                [approvals](Request &r) {
                    QDate week;
                    if (r.query.hasQueryItem(QStringLiteral("week")))
                        week = dateQuery(r, "week");
                    const auto after = dateKeyAfter(
                        r, [](const QString &k) { return !QUuid::fromString(k).isNull(); });
                    Reply reply;
                    reply.body =
                        approvals->inbox(r, idQuery(r, "project_id"), idQuery(r, "employee_id"),
                                         week, limitQuery(r, 500, TimeApprovalService::kInboxMax),
                                         after.first, QUuid::fromString(after.second));
                    return reply;
                }});
    // Finance, controllers and resource managers: their entities' people; project managers: the
    // people on their projects (the service applies both).
    const auto missing = std::make_shared<const MissingTimeService>(config);
    router.add({"GET", base + "/missing", TimeOversee, Scope::LegalEntity,
                "Weeks not submitted or short of the expected hours", [missing](Request &r) {
                    const auto after = dateKeyAfter(r, [](const QString &k) {
                        bool ok = false;
                        return k.toLongLong(&ok) > 0 && ok;
                    });
                    return Reply::json(missing->list(
                        r, dateQuery(r, "from"), dateQuery(r, "to"), idQuery(r, "project_id"),
                        limitQuery(r, 1000, MissingTimeService::kMaxLimit), after.first,
                        after.second.toLongLong()));
                }});
    router.add({"POST", base + "/approvals", TimeApprove, Scope::MyProjects,
                "Approve or reject submitted entries, all or nothing", [approvals](Request &r) {
                    return Reply::json(approvals->decide(r, r.jsonObject()));
                }});
}

} // namespace

void registerTimeRoutes(Router &router, const DbConfig &config)
{
    using namespace Permission;
    TimeEntryService::registerStateMachines();
    const auto entries = std::make_shared<const TimeEntryService>(config);
    const QString base = QStringLiteral("/api/v1/time");

    router.add({"GET", base + "/entries", TimeUse, Scope::Own,
                "Own time entries with work_date in [from, to] (at most 62 days)",
                [entries](Request &r) {
                    return Reply::json(entries->list(r, dateQuery(r, "from"), dateQuery(r, "to")));
                }});
    router.add({"PUT", base + "/entries/{id}", TimeUse, Scope::Own,
                "Create (no version) or edit a draft or rejected entry (If-Match / version)",
                [entries](Request &r) {
                    const QJsonObject body = r.jsonObject();
                    const int version = baseVersion(r, body);
                    return Reply::json(entries->save(r, uuidParam(r), body, version),
                                       version == 0 ? 201 : 200);
                }});
    router.add({"DELETE", base + "/entries/{id}", TimeUse, Scope::Own,
                "Delete a draft or rejected entry (?version= or If-Match); kept as deleted",
                [entries](Request &r) {
                    const int version = baseVersion(r, {});
                    if (version == 0)
                        throw ApiError::invalidField(
                            QStringLiteral("version"), QStringLiteral("required"),
                            QStringLiteral("send the version you read (?version= or If-Match)"));
                    return Reply::json(entries->remove(r, uuidParam(r), version));
                }});
    router.add({"POST", base + "/entries/{id}/adjust", TimeUse, Scope::Own,
                "Correct approved time: a draft adjustment {id, hours: delta, notes}",
                [entries](Request &r) {
                    return Reply::json(entries->adjust(r, uuidParam(r), r.jsonObject()), 201);
                }});
    registerWeekAndApprovalRoutes(router, config, base);
}

} // namespace keel
