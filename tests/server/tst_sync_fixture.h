#pragma once

// Shared set-up for the sync tests: the time fixture (consultant with an employee record,
// projects written straight into the tables) plus helpers to pull, push, and write time
// entries behind the API's back, so the cursor tests control exactly which transaction writes
// what.

#include "tst_time_fixture.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

namespace keel::test {

class SyncFixture : public TimeFixture
{
public:
    qint64 project = 0;
    qint64 taskId = 0;

    void setUpSync(const char *name)
    {
        setUpTime(name);
        project = TimeFixture::project(pmId, "Data lake");
        taskId = task(project, "Build");
    }

    static HttpResult pull(HttpClient &http, const QString &cursor = {})
    {
        QUrlQuery q;
        if (!cursor.isNull())
            q.addQueryItem("cursor", cursor);
        return http.get("/api/v1/sync/pull" +
                        (cursor.isNull() ? QString() : "?" + q.toString(QUrl::FullyEncoded)));
    }

    static QSet<QString> ids(const QJsonArray &rows)
    {
        QSet<QString> out;
        for (const QJsonValue &v : rows)
            out.insert(v.toObject().value("id").toString());
        return out;
    }

    // A draft entry of the consultant written on `sql` (so inside whatever transaction that
    // connection has open); returns its id.
    QString insertEntry(QSqlDatabase sql, const QString &date, const char *hours = "1.00")
    {
        const QString id = newId();
        db::query(sql,
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "task_id, work_date, hours, billable) VALUES (?::uuid, ?, (SELECT id FROM "
                  "legal_entities WHERE code = 'UK'), ?, ?, ?::date, ?::numeric, true)",
                  {id, consultantEmployee, project, taskId, date, QString::fromLatin1(hours)});
        return id;
    }

    static QJsonObject saveOp(const QString &opId, const QString &id, int baseVersion,
                              const QJsonObject &fields)
    {
        return {{"op_id", opId},
                {"kind", "time_entry.save"},
                {"id", id},
                {"base_version", baseVersion},
                {"fields", fields}};
    }

    static HttpResult push(HttpClient &http, const QJsonArray &ops)
    {
        return http.post("/api/v1/sync/push", QJsonObject{{"ops", ops}});
    }
};

} // namespace keel::test
