#include "insights_trainer.h"

#include "db/run_queue.h"
#include "insights_training.h"
#include "insights_training_runs.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSysInfo>

#include <atomic>

namespace keel {

namespace {

// pg_advisory_lock(InsightsRunLock, run id): held by the connection executing the run.
constexpr int InsightsRunLock = 0x6b6c4952; // "klIR"

std::atomic<int> g_trainers{0};

int pollSecondsFromEnvironment()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("KEEL_INSIGHTS_POLL_SECONDS", &ok);
    if (ok)
        return qMax(0, seconds);
    return QCoreApplication::applicationName() == QLatin1String("keel-server") ? 30 : 0;
}

double retrainHoursFromEnvironment()
{
    bool ok = false;
    const double hours = qEnvironmentVariable("KEEL_INSIGHTS_RETRAIN_HOURS").toDouble(&ok);
    return ok ? qMax(0.0, hours) : 24.0;
}

QStringList everyModel()
{
    QStringList out;
    for (const InsightsModelSpec &spec : insightsModels())
        out << spec.name;
    return out;
}

} // namespace

InsightsTrainer::InsightsTrainer(DbConfig config)
    : m_config(std::move(config)), m_pollSeconds(pollSecondsFromEnvironment()),
      m_retrainHours(retrainHoursFromEnvironment()), m_runs(std::make_unique<RunQueue>(1))
{
    const int n = ++g_trainers;
    m_instance = QStringLiteral("%1:%2")
                     .arg(QSysInfo::machineHostName())
                     .arg(QCoreApplication::applicationPid());
    if (n > 1)
        m_instance += QStringLiteral("/%1").arg(n);
    if (m_pollSeconds > 0)
        m_poller = std::thread([this] { poll(); });
}

InsightsTrainer::~InsightsTrainer()
{
    {
        std::lock_guard lock(m_stopLock);
        m_stop = true;
    }
    m_stopped.notify_all();
    if (m_poller.joinable())
        m_poller.join();
    m_runs.reset(); // waits for the run in progress
}

void InsightsTrainer::reapAbandoned(QSqlDatabase db) const
{
    for (const auto &run : insights_runs::running(db))
        m_runs->reapIfAbandoned(db, InsightsRunLock, run.id, run.status, run.startedAt,
                                [&] { insights_runs::abandon(db, run.id); });
}

int InsightsTrainer::claimAndStart(QSqlDatabase db)
{
    reapAbandoned(db);
    int claimed = 0;
    while (const qint64 id = insights_runs::claim(db, m_instance)) {
        ++claimed;
        m_runs->start(id, [this, id] { execute(id); });
    }
    return claimed;
}

void InsightsTrainer::waitForIdle() const
{
    m_runs->waitForIdle();
}

void InsightsTrainer::poll()
{
    std::unique_lock lock(m_stopLock);
    while (
        !m_stopped.wait_for(lock, std::chrono::seconds(m_pollSeconds), [this] { return m_stop; })) {
        lock.unlock();
        try {
            QSqlDatabase db = db::connection(m_config);
            if (m_retrainHours > 0 &&
                insights_runs::queueIfStale(db, m_retrainHours, everyModel()) > 0)
                qInfo("insights: the models are older than %g hours, training queued",
                      m_retrainHours);
            claimAndStart(db);
        } catch (const std::exception &e) {
            qWarning("insights: polling for training runs failed: %s", e.what());
            db::forget(m_config);
        }
        lock.lock();
    }
    lock.unlock();
    db::closeThreadConnections();
}

void InsightsTrainer::execute(qint64 runId) const
{
    const QString progressName =
        QStringLiteral("keel-insights-run-%1-%2").arg(runId).arg(m_instance);
    try {
        QSqlDatabase work = db::connection(m_config);
        QSqlDatabase progress = db::open(m_config, progressName);
        db::query(progress, QStringLiteral("SELECT pg_advisory_lock(?, ?::int)"),
                  {InsightsRunLock, runId});
        const auto run = insights_runs::run(progress, runId);
        // A reaper may have failed it between the claim and the lock.
        if (run && run->status == QLatin1String("running") && run->claimedBy == m_instance) {
            QSqlQuery today = db::exec(work, QStringLiteral("SELECT current_date"));
            today.next();
            const QDate asOf = today.value(0).toDate();
            QJsonObject result;
            QStringList failures;
            const int n = int(run->models.size());
            for (int i = 0; i < n; ++i) {
                const QString &name = run->models[i];
                const int from = i * 100 / n;
                insights_runs::progress(progress, runId, from, name);
                InsightsTrainingOutcome outcome;
                if (const InsightsModelSpec *spec = insightsModelSpec(name)) {
                    outcome = trainInsightsModel(
                        work, *spec, asOf, runId, [&](int percent, const QString &step) {
                            insights_runs::progress(progress, runId, from + percent / n,
                                                    name + QStringLiteral(": ") + step);
                        });
                } else {
                    outcome.model = name;
                    outcome.error = QStringLiteral("This server has no model %1.").arg(name);
                }
                result.insert(name, outcome.json());
                if (!outcome.ok())
                    failures << QStringLiteral("%1: %2").arg(name, outcome.error);
                insights_runs::partialResult(progress, runId, result);
            }
            const QString error = failures.size() == n
                                      ? QStringLiteral("Every model failed. %1")
                                            .arg(failures.join(QStringLiteral("; ")))
                                      : QString();
            insights_runs::finish(progress, runId, result, error);
        }
    } catch (const std::exception &e) {
        qWarning("insights: training run %lld failed: %s", runId, e.what());
        try {
            QSqlDatabase progress = QSqlDatabase::database(progressName, false);
            if (progress.isOpen())
                insights_runs::finish(
                    progress, runId, {},
                    QStringLiteral("The training stopped: %1").arg(QString::fromUtf8(e.what())));
        } catch (const std::exception &) {
            // The next claimer fails the run once the lock is free.
        }
    }
    {
        QSqlDatabase progress = QSqlDatabase::database(progressName, false);
        if (progress.isValid())
            progress.close();
    }
    QSqlDatabase::removeDatabase(progressName);
}

} // namespace keel
