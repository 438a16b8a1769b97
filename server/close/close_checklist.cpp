#include "close_checklist.h"

#include "close_checks.h"

#include <QJsonArray>

namespace keel {

namespace {

QString label(const QString &task)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("missing_timesheets"), QStringLiteral("Missing timesheets")},
        {QStringLiteral("unapproved_time"), QStringLiteral("Unapproved time")},
        {QStringLiteral("unapproved_expenses"), QStringLiteral("Unapproved expenses")},
        {QStringLiteral("unapproved_vendor_bills"), QStringLiteral("Unapproved vendor bills")},
        {QStringLiteral("unbilled_time"), QStringLiteral("Approved time not yet billed")},
        {QStringLiteral("draft_invoices"), QStringLiteral("Draft invoices not issued")},
        {QStringLiteral("revenue_recognition"), QStringLiteral("Revenue recognition")},
        {QStringLiteral("subcontractor_accruals"), QStringLiteral("Subcontractor accruals")},
        {QStringLiteral("fx_revaluation"), QStringLiteral("FX revaluation")},
        {QStringLiteral("intercompany"), QStringLiteral("Intercompany charges")},
        {QStringLiteral("intercompany_balanced"), QStringLiteral("Intercompany balanced")},
        {QStringLiteral("trial_balance"), QStringLiteral("Trial balance balanced")}};
    return labels.value(task);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

CloseChecklist buildCloseChecklist(QSqlDatabase db, const CloseEntity &entity, QDate ps,
                                   const QString &status)
{
    const CloseCheckFigures figures = closeCheckFigures(db, entity, ps);
    const QHash<QString, CloseTaskRow> tasks = close_store::tasks(db, entity.id, ps);
    const QHash<QString, CloseRunRow> runs = close_store::latestRuns(db, entity.id, ps);
    const auto find = [&runs](const QString &key) -> const CloseRunRow * {
        const auto it = runs.constFind(key);
        return it == runs.cend() ? nullptr : &it.value();
    };
    const CloseRunRow *all = find(QStringLiteral("all/completed"));
    const QString period = ps.toString(QStringLiteral("yyyy-MM"));
    CloseChecklist out;
    QJsonArray items;
    for (const QString &task : close_tasks::all()) {
        const CloseTaskRow t = tasks.value(task);
        QJsonObject item{{"task", task},
                         {"label", label(task)},
                         {"detail_href", QStringLiteral("/close/entities/%1/periods/%2/items/%3")
                                             .arg(entity.id)
                                             .arg(period, task)}};
        QString state;
        if (close_tasks::isRun(task)) {
            const QString kind = close_tasks::runKind(task);
            item.insert("kind", "run");
            // The latest completed run of the task's own kind or of `all`.
            QDateTime done;
            if (const CloseRunRow *own = find(kind + QStringLiteral("/completed")))
                done = own->finishedAt;
            if (all && (!done.isValid() || all->finishedAt > done))
                done = all->finishedAt;
            if (kind == QLatin1String("revenue")) {
                const QDateTime revenue = close_store::lastRevenueRun(db, entity.id, ps);
                if (revenue.isValid() && (!done.isValid() || revenue > done))
                    done = revenue;
            }
            const bool stale =
                !done.isValid() || (figures.lastChange.isValid() && figures.lastChange > done);
            state = stale ? QStringLiteral("red") : QStringLiteral("green");
            item.insert("count", stale ? 1 : 0);
            item.insert("amount", QJsonValue());
            const CloseRunRow *latest = find(kind);
            if (const CloseRunRow *any = find(QStringLiteral("all"));
                any && (!latest || any->id > latest->id))
                latest = any;
            item.insert("run", latest ? QJsonValue(QJsonObject{
                                            {"id", QString::number(latest->id)},
                                            {"status", latest->json.value("status")},
                                            {"progress", latest->json.value("progress")},
                                            {"finished_at", latest->json.value("finished_at")}})
                                      : QJsonValue());
            out.counts.insert(task, stale ? 1 : 0);
        } else {
            const qint64 count = figures.counts.value(task);
            item.insert("kind", "check");
            item.insert("count", count);
            item.insert("amount", figures.amount.value(task));
            item.insert("run", QJsonValue());
            state = count == 0                  ? QStringLiteral("green")
                    : close_tasks::blocks(task) ? QStringLiteral("red")
                                                : QStringLiteral("amber");
            out.counts.insert(task, count);
        }
        // A hard-closed period passed its gate: its warnings were signed off then.
        const bool signedOff = t.status == QLatin1String("signed_off");
        if (state == QLatin1String("red") && status == QLatin1String("hard_closed"))
            state = QStringLiteral("amber");
        item.insert("state", state);
        item.insert("responsible",
                    t.responsibleId
                        ? QJsonValue(QJsonObject{{"id", QString::number(t.responsibleId)},
                                                 {"name", t.responsibleName}})
                        : QJsonValue());
        item.insert("note", t.note);
        item.insert("signed_off_by",
                    signedOff ? QJsonValue(QJsonObject{{"id", QString::number(t.signedOffBy)},
                                                       {"name", t.signedOffByName}})
                              : QJsonValue());
        item.insert("signed_off_at", signedOff ? QJsonValue(iso(t.signedOffAt)) : QJsonValue());
        items.append(item);
        if (state == QLatin1String("red")) {
            ++out.red;
            out.redTasks << task;
        } else if (state == QLatin1String("amber")) {
            ++out.amber;
            if (!signedOff && status != QLatin1String("hard_closed"))
                out.unsignedAmber << task;
        } else {
            ++out.green;
        }
    }
    out.json = QJsonObject{{"legal_entity_id", QString::number(entity.id)},
                           {"entity_code", entity.code},
                           {"period", period},
                           {"status", status},
                           {"items", items},
                           {"red", out.red},
                           {"amber", out.amber},
                           {"green", out.green}};
    return out;
}

} // namespace keel
