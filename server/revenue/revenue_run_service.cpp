#include "revenue_run_service.h"

#include "audit/audit_log.h"
#include "billing/billing_run_access.h"
#include "db/database.h"
#include "db/run_queue.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "period.h"
#include "permissions.h"
#include "revenue_run_engine.h"
#include "revenue_run_machine.h"
#include "revenue_run_store.h"

#include <QDateTime>
#include <QSqlQuery>

namespace keel {

using billing_run_access::covers;

namespace {

// pg_advisory_lock(RunLockClass, run id): held by the connection executing the run.
constexpr int RunLockClass = 0x6b6c5252; // "klRR"

void audit(QSqlDatabase db, AuditEntry e, const QString &action, qint64 runId,
           const QJsonObject &after)
{
    e.action = action;
    e.recordType = QStringLiteral("revenue_run");
    e.recordId = QString::number(runId);
    e.after = after;
    appendAudit(db, e);
}

[[noreturn]] void periodClosed(const Period &period)
{
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("The accounting period %1 is hard-closed; revenue "
                                          "cannot be recognised into it.")
                               .arg(period.toString()),
                           {{QStringLiteral("period"), QStringLiteral("period_closed"),
                             QStringLiteral("the period is hard-closed")}}});
}

QString failureText(const DbError &e)
{
    return QStringLiteral("The database refused the run: %1").arg(e.message());
}

} // namespace

RevenueRunService::RevenueRunService(DbConfig config)
    : m_config(std::move(config)), m_runs(std::make_unique<RunQueue>(2))
{}

RevenueRunService::~RevenueRunService() = default;

void RevenueRunService::registerStateMachines()
{
    StateMachineRegistry::add(revenueRunMachine());
}

QJsonObject RevenueRunService::start(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const qint64 entityId = in.requiredInt64(QStringLiteral("legal_entity_id"));
    const Period period = in.requiredPeriod(QStringLiteral("period"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    QSqlDatabase db = this->db();
    const auto entity = revenue_run_store::entity(db, entityId);
    if (!entity ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::RevenueManage)),
                entity->code))
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(entityId));

    db::Transaction tx(db);
    // Two starts of one entity at once: the second waits here and then sees the first's row.
    db::query(db,
              QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended('revenue_run_start:' "
                             "|| ?, 0))"),
              {QString::number(entity->id)});
    if (revenue_run_store::periodStatus(db, entity->id, period.firstDay()) ==
        QLatin1String("hard_closed"))
        periodClosed(period);
    for (const RevenueRunRow &r : revenue_run_store::running(db, entity->id))
        if (!reapIfAbandoned(db, r.id, r.json))
            throw ApiError(
                Problem{409,
                        problemTypeUri(ErrorType::Conflict),
                        QStringLiteral("Run in progress"),
                        QStringLiteral("Revenue run %1 of %2 is still running.")
                            .arg(r.id)
                            .arg(entity->code),
                        {{QStringLiteral("legal_entity_id"), QStringLiteral("run_in_progress"),
                          QStringLiteral("run %1 is still running").arg(r.id)}}});
    const qint64 id =
        revenue_run_store::insert(db, entity->id, period.firstDay(), request.caller().user.id);
    const QJsonObject after = revenue_run_store::run(db, id)->json;
    audit(db, AuditEntry::from(request, {}, {}, {}), QStringLiteral("revenue_run.start"), id,
          after);
    tx.commit();
    return after;
}

void RevenueRunService::enqueue(qint64 runId)
{
    m_runs->start(runId, [this, runId] { execute(runId); });
}

bool RevenueRunService::reapIfAbandoned(QSqlDatabase db, qint64 id, const QJsonObject &run) const
{
    return m_runs->reapIfAbandoned(
        db, RunLockClass, id, run.value(QStringLiteral("status")).toString(),
        run.value(QStringLiteral("started_at")).toString(), [&] {
            db::Transaction tx(db);
            const auto row = revenue_run_store::run(db, id);
            if (row && row->status == QLatin1String("running")) {
                revenueRunMachine().next(row->status, QStringLiteral("fail"));
                revenue_run_store::failed(db, id,
                                          QStringLiteral("The server stopped during the run; "
                                                         "nothing was posted. Start the run "
                                                         "again."));
                AuditEntry system;
                system.actorName = QStringLiteral("keel-server");
                audit(db, system, QStringLiteral("revenue_run.fail"), id,
                      revenue_run_store::run(db, id)->json);
            }
            tx.commit();
        });
}

void RevenueRunService::execute(qint64 runId) const
{
    const QString progressName = QStringLiteral("keel-revenue-run-%1-progress").arg(runId);
    try {
        // The run posts through the ledger, which works on the thread's connection.
        QSqlDatabase work = db::connection(m_config);
        QSqlDatabase progress = db::open(m_config, progressName);
        db::query(progress, QStringLiteral("SELECT pg_advisory_lock(?, ?::int)"),
                  {RunLockClass, runId});
        const auto queued = revenue_run_store::run(progress, runId);
        if (queued && queued->status == QLatin1String("running")) {
            AuditEntry actor;
            actor.actorId = queued->createdBy;
            actor.actorName = queued->userName;
            const auto fail = [&](const QString &why) {
                db::Transaction failing(progress);
                revenueRunMachine().next(queued->status, QStringLiteral("fail"));
                revenue_run_store::failed(progress, runId, why);
                audit(progress, actor, QStringLiteral("revenue_run.fail"), runId,
                      revenue_run_store::run(progress, runId)->json);
                failing.commit();
            };
            try {
                db::Transaction tx(work);
                executeRevenueRun(work, runId, [&](int percent, const QString &step) {
                    revenue_run_store::progress(progress, runId, percent, step);
                });
                audit(work, actor, QStringLiteral("revenue_run.complete"), runId,
                      revenue_run_store::run(work, runId)->json);
                tx.commit();
            } catch (const DbError &e) {
                qWarning("revenue run %lld failed: %s", runId, e.what());
                fail(failureText(e));
            } catch (const ApiError &e) {
                QString why = e.problem().detail;
                for (const FieldError &f : e.problem().errors)
                    why += QStringLiteral(" %1: %2.").arg(f.field, f.message);
                fail(why.trimmed());
            } catch (const std::exception &e) {
                qWarning("revenue run %lld failed: %s", runId, e.what());
                fail(QString::fromUtf8(e.what()));
            }
        }
        db::query(progress, QStringLiteral("SELECT pg_advisory_unlock(?, ?::int)"),
                  {RunLockClass, runId});
    } catch (const std::exception &e) {
        qWarning("revenue run %lld could not start: %s", runId, e.what());
    }
    QSqlDatabase::removeDatabase(progressName);
}

QJsonObject RevenueRunService::get(const Request &request, qint64 id) const
{
    auto row = revenue_run_store::run(db(), id);
    if (!row || !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)),
                        row->entityCode))
        throw ApiError::notFound(QStringLiteral("There is no revenue run %1.").arg(id));
    if (reapIfAbandoned(db(), id, row->json))
        row = revenue_run_store::run(db(), id);
    return row->json;
}

QJsonObject RevenueRunService::list(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    const QStringList entities =
        request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse));
    const qint64 entityId = billing_run_access::entityFilter(request, db(), entities);
    QDate period;
    const QString text = request.query.queryItemValue(QStringLiteral("period"));
    if (!text.isEmpty()) {
        const auto p = Period::fromString(text);
        if (!p)
            throw ApiError::invalidField(QStringLiteral("period"), QStringLiteral("invalid_format"),
                                         QStringLiteral("a month YYYY-MM"));
        period = p->firstDay();
    }
    return page.page(
        revenue_run_store::list(db(), entities, entityId, period, page.after, page.limit));
}

void RevenueRunService::waitForIdle() const
{
    m_runs->waitForIdle();
}

} // namespace keel
