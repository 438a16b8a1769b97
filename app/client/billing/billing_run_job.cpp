#include "billing_run_job.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QTimer>

namespace keel::billing {

namespace {
// A poll that gets no answer is tried again; after this many in a row the job gives up (the
// run itself goes on on the server and shows in the history).
constexpr int MaxNetworkFailures = 10;
} // namespace

QJsonObject RunRequest::toJson() const
{
    QJsonObject o{{"legal_entity_id", legalEntityId}, {"period", period}};
    if (!accountId.isEmpty())
        o.insert("account_id", accountId);
    if (!contractId.isEmpty())
        o.insert("contract_id", contractId);
    if (!invoiceDate.isEmpty())
        o.insert("invoice_date", invoiceDate);
    return o;
}

BillingRunJob::BillingRunJob(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &BillingRunJob::poll);
}

void BillingRunJob::start(const RunRequest &request)
{
    if (m_running) {
        emit failed(tr("A billing run is already in progress; wait until it finishes."));
        return;
    }
    if (!m_api)
        return;
    if (request.legalEntityId.isEmpty() || request.period.isEmpty()) {
        emit failed(tr("Choose the legal entity and the month to bill."));
        return;
    }
    m_running = true;
    m_runId.clear();
    m_run = QJsonObject{{"status", "running"}, {"progress", 0}};
    m_networkFailures = 0;
    emit progressChanged(0, tr("Starting…"));
    ApiReply *r = m_api->post(QStringLiteral("/api/v1/billing/runs"), request.toJson());
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            m_running = false;
            emit failed(humanMessage(r->problem()));
            return;
        }
        m_runId = sales::idText(r->object().value("id"));
        emit started(m_runId);
        take(r->object());
    });
}

void BillingRunJob::follow(const QString &runId)
{
    if (m_running || runId.isEmpty())
        return;
    m_running = true;
    m_runId = runId;
    m_networkFailures = 0;
    emit started(m_runId);
    poll();
}

void BillingRunJob::poll()
{
    if (!m_api || m_runId.isEmpty())
        return;
    ApiReply *r = m_api->get(QStringLiteral("/api/v1/billing/runs/") + m_runId);
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            if (isNetworkProblem(r->problem()) && ++m_networkFailures < MaxNetworkFailures) {
                m_timer->start(m_pollMs * 2);
                return;
            }
            m_running = false;
            emit failed(humanMessage(r->problem()));
            return;
        }
        m_networkFailures = 0;
        take(r->object());
    });
}

void BillingRunJob::take(const QJsonObject &run)
{
    m_run = run;
    const QString status = run.value("status").toString();
    emit progressChanged(run.value("progress").toInt(), run.value("step").toString());
    if (status == QLatin1String("running") || status.isEmpty()) {
        m_timer->start(m_pollMs);
        return;
    }
    m_running = false;
    emit finished(run);
}

} // namespace keel::billing
