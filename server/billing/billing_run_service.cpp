#include "billing_run_service.h"

#include "audit/audit_log.h"
#include "billing_run_access.h"
#include "billing_run_store.h"
#include "db/database.h"
#include "db/run_queue.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"
#include "workflow/state_machine.h"

#include <QDateTime>
#include <QSqlQuery>

namespace keel {

using billing_run_access::covers;

namespace {

const StateMachine &runMachine()
{
    static const StateMachine m{
        QStringLiteral("billing_run"),
        {"running", "completed", "failed"},
        QStringLiteral("running"),
        {{"running", "complete", "completed"}, {"running", "fail", "failed"}}};
    return m;
}

[[noreturn]] void periodClosed(QDate date)
{
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("The accounting period of %1 is hard-closed; nothing "
                                          "can be billed into it.")
                               .arg(date.toString(Qt::ISODate)),
                           {{QStringLiteral("period"), QStringLiteral("period_closed"),
                             QStringLiteral("the period is hard-closed")}}});
}

// 423 when the run's period or its invoice date's period is hard-closed.
void requireOpen(QSqlDatabase db, const BillingRunScope &s)
{
    for (const QDate d : {s.periodStart, s.invoiceDate})
        if (billing_run_store::periodStatus(db, s.legalEntityId, d) == QLatin1String("hard_closed"))
            periodClosed(d);
}

void audit(QSqlDatabase db, const AuditEntry &base, const QString &action, qint64 runId,
           const QJsonObject &after)
{
    AuditEntry e = base;
    e.action = action;
    e.recordType = QStringLiteral("billing_run");
    e.recordId = QString::number(runId);
    e.after = after;
    appendAudit(db, e);
}

QString failureText(const DbError &e)
{
    if (e.isUniqueViolation())
        return QStringLiteral("Another run billed some of the same sources at the same time; "
                              "nothing was billed by this run. Start it again to bill what is "
                              "left.");
    return QStringLiteral("The database refused the run: %1").arg(e.message());
}

} // namespace

BillingRunService::BillingRunService(DbConfig config)
    // Runs of different entities go side by side; runs of one entity queue on its lock.
    : m_config(std::move(config)), m_runs(std::make_unique<RunQueue>(2))
{}

BillingRunService::~BillingRunService() = default;

void BillingRunService::registerStateMachines()
{
    StateMachineRegistry::add(runMachine());
}

BillingRunScope BillingRunService::scopeOf(QSqlDatabase db, const BillingRunParams &p,
                                           qint64 userId) const
{
    const auto entity = billing_run_store::entity(db, p.legalEntityId);
    if (!entity)
        throw ApiError::notFound(
            QStringLiteral("There is no legal entity %1.").arg(p.legalEntityId));
    QList<FieldError> errors;
    if (!p.period.isValid())
        errors.append({QStringLiteral("period"), QStringLiteral("invalid_format"),
                       QStringLiteral("a month YYYY-MM")});
    if (p.accountId && !billing_run_store::accountOfEntity(db, p.accountId, entity->id))
        errors.append({QStringLiteral("account_id"), QStringLiteral("unknown"),
                       QStringLiteral("no client of %1 has this id").arg(entity->code)});
    if (p.contractId && !billing_run_store::contractOfEntity(db, p.contractId, entity->id))
        errors.append({QStringLiteral("contract_id"), QStringLiteral("unknown"),
                       QStringLiteral("no contract of %1 has this id").arg(entity->code)});
    const QDate invoiceDate = p.invoiceDate.isValid() ? p.invoiceDate : p.period.lastDay();
    if (p.period.isValid() && invoiceDate < p.period.firstDay())
        errors.append({QStringLiteral("invoice_date"), QStringLiteral("before_period"),
                       QStringLiteral("on or after the first day of the period")});
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);

    BillingRunScope s;
    s.legalEntityId = entity->id;
    s.entityCountry = entity->country;
    s.userId = userId;
    s.periodStart = p.period.firstDay();
    s.periodEnd = p.period.lastDay();
    s.invoiceDate = invoiceDate;
    s.accountId = p.accountId;
    s.contractId = p.contractId;
    requireOpen(db, s);
    return s;
}

QJsonObject BillingRunService::start(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    BillingRunParams p;
    p.legalEntityId = in.requiredInt64(QStringLiteral("legal_entity_id"));
    p.period = in.requiredPeriod(QStringLiteral("period"));
    p.accountId = in.optionalInt64(QStringLiteral("account_id")).value_or(0);
    p.contractId = in.optionalInt64(QStringLiteral("contract_id")).value_or(0);
    p.invoiceDate = in.optionalDate(QStringLiteral("invoice_date")).value_or(QDate());
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    QSqlDatabase db = this->db();
    const auto entity = billing_run_store::entity(db, p.legalEntityId);
    if (!entity ||
        !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::BillingManage)),
                entity->code))
        throw ApiError::notFound(
            QStringLiteral("There is no legal entity %1.").arg(p.legalEntityId));

    db::Transaction tx(db);
    BillingRunScope scope = scopeOf(db, p, request.caller().user.id);
    scope.runId = billing_run_store::insert(db, scope);
    const QJsonObject after = billing_run_store::run(db, scope.runId)->json;
    audit(db, AuditEntry::from(request, {}, {}, {}), QStringLiteral("billing_run.start"),
          scope.runId, after);
    tx.commit();
    return after;
}

namespace {

// pg_advisory_lock(RunLockClass, run id): held by the connection that executes the run, for as
// long as it does.
constexpr int RunLockClass = 0x6b6c4252; // "klBR"

} // namespace

void BillingRunService::enqueue(qint64 runId)
{
    m_runs->start(runId, [this, runId] { execute(runId); });
}

bool BillingRunService::reapIfAbandoned(QSqlDatabase db, qint64 id, const QJsonObject &run) const
{
    return m_runs->reapIfAbandoned(
        db, RunLockClass, id, run.value(QStringLiteral("status")).toString(),
        run.value(QStringLiteral("started_at")).toString(), [&] {
            db::Transaction tx(db);
            const auto row = billing_run_store::run(db, id);
            if (row && row->status == QLatin1String("running")) {
                runMachine().next(row->status, QStringLiteral("fail"));
                billing_run_store::failed(db, id,
                                          QStringLiteral("The server stopped during the run; "
                                                         "nothing was billed. Start the run "
                                                         "again."));
                AuditEntry system;
                system.actorName = QStringLiteral("keel-server");
                audit(db, system, QStringLiteral("billing_run.fail"), id,
                      billing_run_store::run(db, id)->json);
            }
            tx.commit();
        });
}

void BillingRunService::execute(qint64 runId) const
{
    const QString name = QStringLiteral("keel-billing-run-%1").arg(runId);
    const QString workName = name + QStringLiteral("-work");
    const QString progressName = name + QStringLiteral("-progress");
    try {
        QSqlDatabase work = db::open(m_config, workName);
        QSqlDatabase progress = db::open(m_config, progressName);
        // Held until this connection closes at the end of the run: a reader seeing the lock
        // free knows no server is executing the run (reapIfAbandoned).
        db::query(progress, QStringLiteral("SELECT pg_advisory_lock(?, ?::int)"),
                  {RunLockClass, runId});
        const auto queued = billing_run_store::queued(progress, runId);
        if (queued && queued->status == QLatin1String("running")) {
            AuditEntry actor;
            actor.actorId = queued->scope.userId;
            actor.actorName = queued->userName;
            // The failure and its audit entry in one short transaction of their own: the run's
            // transaction is rolled back by then.
            const auto fail = [&](const QString &why) {
                db::Transaction failing(progress);
                runMachine().next(queued->status, QStringLiteral("fail"));
                billing_run_store::failed(progress, runId, why);
                audit(progress, actor, QStringLiteral("billing_run.fail"), runId,
                      billing_run_store::run(progress, runId)->json);
                failing.commit();
            };
            try {
                db::Transaction tx(work);
                BillingRunEngine engine(work, queued->scope);
                billing_run_store::progress(progress, runId, 2,
                                            QStringLiteral("waiting for other runs of the entity"));
                engine.lockEntity();
                // The period may have been hard-closed while the run waited in the queue.
                requireOpen(work, queued->scope);
                const BillingRunCounts counts = engine.bill([&](int percent, const QString &step) {
                    billing_run_store::progress(progress, runId, percent, step);
                });
                runMachine().next(queued->status, QStringLiteral("complete"));
                billing_run_store::completed(work, runId, counts);
                audit(work, actor, QStringLiteral("billing_run.complete"), runId,
                      billing_run_store::run(work, runId)->json);
                tx.commit();
            } catch (const DbError &e) {
                qWarning("billing run %lld failed: %s", runId, e.what());
                fail(failureText(e));
            } catch (const ApiError &e) {
                fail(e.problem().detail);
            } catch (const std::exception &e) {
                qWarning("billing run %lld failed: %s", runId, e.what());
                fail(QString::fromUtf8(e.what()));
            }
        }
    } catch (const std::exception &e) {
        // Not even a connection: the run stays 'running' with its last step; say why in the log.
        qWarning("billing run %lld could not start: %s", runId, e.what());
    }
    QSqlDatabase::removeDatabase(workName);
    QSqlDatabase::removeDatabase(progressName);
}

QJsonObject BillingRunService::get(const Request &request, qint64 id) const
{
    auto row = billing_run_store::run(db(), id);
    if (!row || !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::BillingUse)),
                        row->entityCode))
        throw ApiError::notFound(QStringLiteral("There is no billing run %1.").arg(id));
    if (reapIfAbandoned(db(), id, row->json))
        row = billing_run_store::run(db(), id);
    return row->json;
}

QJsonObject BillingRunService::list(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    const QStringList entities =
        request.caller().entitiesFor(QString::fromLatin1(Permission::BillingUse));
    const qint64 entityId = billing_run_access::entityFilter(request, db(), entities);
    return page.page(billing_run_store::list(db(), entities, entityId, page.after, page.limit));
}

qint64 BillingRunService::runNow(QSqlDatabase db, const BillingRunParams &params,
                                 qint64 userId) const
{
    db::Transaction tx(db);
    BillingRunScope scope = scopeOf(db, params, userId);
    scope.runId = billing_run_store::insert(db, scope);
    BillingRunEngine engine(db, scope);
    engine.lockEntity();
    const BillingRunCounts counts = engine.bill({});
    billing_run_store::completed(db, scope.runId, counts);
    AuditEntry actor;
    actor.actorId = userId;
    audit(db, actor, QStringLiteral("billing_run.complete"), scope.runId,
          billing_run_store::run(db, scope.runId)->json);
    tx.commit();
    return scope.runId;
}

void BillingRunService::waitForIdle() const
{
    m_runs->waitForIdle();
}

} // namespace keel
