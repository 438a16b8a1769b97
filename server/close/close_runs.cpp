#include "close_runs.h"

#include "audit/audit_log.h"
#include "close_accruals.h"
#include "db/database.h"
#include "db/run_queue.h"
#include "http/http_types.h"
#include "period_states.h"
#include "workflow/state_machine.h"

#if __has_include("revenue/revenue_run_engine.h")
#include "revenue/revenue_run_engine.h"
#define KEEL_CLOSE_HAS_REVENUE 1
#endif
#if __has_include("fx_revaluation.h")
#include "fx_revaluation.h"
#define KEEL_CLOSE_HAS_FX 1
#endif
#if __has_include("intercompany_charges.h")
#include "intercompany_charges.h"
#define KEEL_CLOSE_HAS_INTERCOMPANY 1
#endif

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace close_runs {

namespace {

const QStringList kOrder = {QStringLiteral("revenue"), QStringLiteral("accruals"),
                            QStringLiteral("fx_revaluation"), QStringLiteral("intercompany")};

QJsonObject figures(QSqlDatabase db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q = db::query(db, sql, binds);
    return q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object()
                    : QJsonObject();
}

QJsonObject runOne(QSqlDatabase db, qint64 entityId, QDate ps, const QString &kind, qint64 userId,
                   qint64 runId, const std::function<void(int, const QString &)> &progress)
{
    Q_UNUSED(progress);
    if (kind == QLatin1String("accruals"))
        return accrueSubcontractors(db, entityId, ps, userId, runId).json;
#ifdef KEEL_CLOSE_HAS_REVENUE
    if (kind == QLatin1String("revenue")) {
        runRevenueRecognition(db, entityId, ps, userId, progress);
        return figures(db,
                       QStringLiteral("SELECT json_build_object('revenue_run_id', id::text, "
                                      "'obligation_count', obligation_count, 'entry_count', "
                                      "entry_count, 'revenue', round(revenue, 2)::text, "
                                      "'loss_provision', round(loss_provision, 2)::text)::text "
                                      "FROM revenue_runs WHERE legal_entity_id = ? AND "
                                      "period_start = ? ORDER BY id DESC LIMIT 1"),
                       {entityId, ps});
    }
#endif
#ifdef KEEL_CLOSE_HAS_FX
    if (kind == QLatin1String("fx_revaluation")) {
        revalueForeignCurrency(db, entityId, ps, userId, runId);
        return figures(db,
                       QStringLiteral("SELECT json_build_object('revaluation_id', id::text, "
                                      "'item_count', item_count, 'gain', round(gain, 2)::text, "
                                      "'loss', round(loss, 2)::text)::text FROM fx_revaluations "
                                      "WHERE legal_entity_id = ? AND period_start = ? AND NOT "
                                      "superseded"),
                       {entityId, ps});
    }
#endif
#ifdef KEEL_CLOSE_HAS_INTERCOMPANY
    if (kind == QLatin1String("intercompany"))
        return chargeIntercompany(db, entityId, ps, userId, runId).toJson();
#endif
    throw ApiError(
        Problem{409,
                problemTypeUri(ErrorType::Conflict),
                QStringLiteral("Workflow conflict"),
                QStringLiteral("The %1 run is not available on this server yet.").arg(kind),
                {{QStringLiteral("kind"), QStringLiteral("not_available"),
                  QStringLiteral("not available yet")}}});
}

} // namespace

QString kindOf(const QString &apiKind)
{
    if (apiKind == QLatin1String("revenue_recognition"))
        return QStringLiteral("revenue");
    if (apiKind == QLatin1String("subcontractor_accruals"))
        return QStringLiteral("accruals");
    if (apiKind == QLatin1String("fx_revaluation") || apiKind == QLatin1String("intercompany") ||
        apiKind == QLatin1String("all"))
        return apiKind;
    return {};
}

bool available(const QString &kind)
{
    if (kind == QLatin1String("all")) {
        for (const QString &k : kOrder)
            if (!available(k))
                return false;
        return true;
    }
    if (kind == QLatin1String("accruals"))
        return true;
#ifdef KEEL_CLOSE_HAS_REVENUE
    if (kind == QLatin1String("revenue"))
        return true;
#endif
#ifdef KEEL_CLOSE_HAS_FX
    if (kind == QLatin1String("fx_revaluation"))
        return true;
#endif
#ifdef KEEL_CLOSE_HAS_INTERCOMPANY
    if (kind == QLatin1String("intercompany"))
        return true;
#endif
    return false;
}

QJsonObject execute(QSqlDatabase db, qint64 entityId, QDate ps, const QString &kind, qint64 userId,
                    qint64 runId, const std::function<void(int, const QString &)> &progress)
{
    const auto report = [&](int percent, const QString &step) {
        if (progress)
            progress(percent, step);
    };
    if (kind != QLatin1String("all"))
        return runOne(db, entityId, ps, kind, userId, runId,
                      [&](int percent, const QString &step) { report(percent, step); });
    QJsonObject out;
    for (int i = 0; i < kOrder.size(); ++i) {
        const QString &k = kOrder[i];
        const int from = i * 100 / int(kOrder.size());
        const int span = 100 / int(kOrder.size());
        report(from, k);
        out.insert(
            k, runOne(db, entityId, ps, k, userId, runId, [&](int percent, const QString &step) {
                report(from + qBound(0, percent, 100) * span / 100,
                       k + QStringLiteral(": ") + step);
            }));
    }
    return out;
}

} // namespace close_runs

namespace {

// pg_advisory_lock(RunLockClass, run id): held by the connection executing the run.
constexpr int RunLockClass = 0x6b6c4352; // "klCR"
// pg_advisory_xact_lock(EntityLockClass, entity id): one close run of an entity at a time.
constexpr int EntityLockClass = 0x6b6c4345; // "klCE"

void audit(QSqlDatabase db, const AuditEntry &base, const QString &action, qint64 runId,
           const QJsonObject &after)
{
    AuditEntry e = base;
    e.action = action;
    e.recordType = QStringLiteral("close_run");
    e.recordId = QString::number(runId);
    e.after = after;
    appendAudit(db, e);
}

} // namespace

CloseRunner::CloseRunner(DbConfig config)
    : m_config(std::move(config)), m_runs(std::make_unique<RunQueue>(2))
{}

CloseRunner::~CloseRunner() = default;

void CloseRunner::enqueue(qint64 runId)
{
    m_runs->start(runId, [this, runId] { execute(runId); });
}

void CloseRunner::waitForIdle() const
{
    m_runs->waitForIdle();
}

bool CloseRunner::reapIfAbandoned(QSqlDatabase db, const CloseRunRow &run) const
{
    return m_runs->reapIfAbandoned(
        db, RunLockClass, run.id, run.status,
        run.json.value(QStringLiteral("started_at")).toString(), [&] {
            db::Transaction tx(db);
            const auto row = close_store::run(db, run.id);
            if (row && row->status == QLatin1String("running")) {
                period_states::runMachine().next(row->status, QStringLiteral("fail"));
                close_store::runFailed(db, run.id,
                                       QStringLiteral("The server stopped during the run; nothing "
                                                      "of it was posted. Start the run again."));
                AuditEntry system;
                system.actorName = QStringLiteral("keel-server");
                audit(db, system, QStringLiteral("close_run.fail"), run.id,
                      close_store::run(db, run.id)->json);
            }
            tx.commit();
        });
}

void CloseRunner::execute(qint64 runId) const
{
    const QString progressName = QStringLiteral("keel-close-run-%1-progress").arg(runId);
    try {
        // The work goes on the worker thread's own connection: the engines and the ledger post
        // through db::connection() of their thread.
        QSqlDatabase work = db::connection(m_config);
        QSqlDatabase progress = db::open(m_config, progressName);
        db::query(progress, QStringLiteral("SELECT pg_advisory_lock(?, ?::int)"),
                  {RunLockClass, runId});
        const auto run = close_store::run(progress, runId);
        if (run && run->status == QLatin1String("running")) {
            AuditEntry actor;
            actor.actorId = run->createdBy;
            actor.actorName = run->createdByName;
            const auto fail = [&](const QString &why) {
                db::Transaction failing(progress);
                period_states::runMachine().next(run->status, QStringLiteral("fail"));
                close_store::runFailed(progress, runId, why);
                audit(progress, actor, QStringLiteral("close_run.fail"), runId,
                      close_store::run(progress, runId)->json);
                failing.commit();
            };
            try {
                db::Transaction tx(work);
                close_store::runProgress(progress, runId, 1,
                                         QStringLiteral("waiting for other runs of the entity"));
                db::query(work, QStringLiteral("SELECT pg_advisory_xact_lock(?, ?::int)"),
                          {EntityLockClass, run->entityId});
                // The period may have been hard-closed while the run waited.
                if (close_store::periodStatus(work, run->entityId, run->periodStart) ==
                    QLatin1String("hard_closed"))
                    throw ApiError(Problem{423,
                                           problemTypeUri(ErrorType::PeriodClosed),
                                           QStringLiteral("Period closed"),
                                           QStringLiteral("The period was hard-closed before "
                                                          "the run started."),
                                           {}});
                const QJsonObject result = close_runs::execute(
                    work, run->entityId, run->periodStart, run->kind, run->createdBy, runId,
                    [&](int percent, const QString &step) {
                        close_store::runProgress(progress, runId, qBound(1, percent, 99), step);
                    });
                period_states::runMachine().next(run->status, QStringLiteral("complete"));
                close_store::runCompleted(work, runId, result);
                audit(work, actor, QStringLiteral("close_run.complete"), runId,
                      close_store::run(work, runId)->json);
                tx.commit();
            } catch (const DbError &e) {
                qWarning("close run %lld failed: %s", runId, e.what());
                fail(QStringLiteral("The database refused the run: %1").arg(e.message()));
            } catch (const ApiError &e) {
                fail(e.problem().detail);
            } catch (const std::exception &e) {
                qWarning("close run %lld failed: %s", runId, e.what());
                fail(QString::fromUtf8(e.what()));
            }
        }
    } catch (const std::exception &e) {
        qWarning("close run %lld could not start: %s", runId, e.what());
    }
    QSqlDatabase::removeDatabase(progressName);
}

} // namespace keel
