#include "billing_run_job.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem.h"
#include "problem_text.h"
#include "run_poller.h"
#include "sales_format.h"

namespace keel::billing {

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
    : QObject(parent), m_api(api), m_poller(new RunPoller(this))
{
    connect(m_poller, &RunPoller::progressChanged, this, &BillingRunJob::progressChanged);
    connect(m_poller, &RunPoller::finished, this, [this](const QJsonObject &run) {
        m_running = false;
        emit finished(run);
    });
    connect(m_poller, &RunPoller::pollFailed, this, [this](const Problem &problem) {
        m_running = false;
        emit failed(humanMessage(problem));
    });
}

void BillingRunJob::setPollInterval(int milliseconds)
{
    m_poller->setInterval(milliseconds);
}

int BillingRunJob::pollInterval() const
{
    return m_poller->interval();
}

QJsonObject BillingRunJob::run() const
{
    return m_poller->run();
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
    m_poller->reset(QJsonObject{{"status", "running"}, {"progress", 0}});
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
        poll(r->object());
    });
}

void BillingRunJob::follow(const QString &runId)
{
    if (m_running || runId.isEmpty())
        return;
    m_running = true;
    m_runId = runId;
    emit started(m_runId);
    poll();
}

void BillingRunJob::poll(const QJsonObject &firstAnswer)
{
    const QPointer<ApiClient> api = m_api;
    const QString path = QStringLiteral("/api/v1/billing/runs/") + m_runId;
    m_poller->follow([api, path]() -> ApiReply * { return api ? api->get(path) : nullptr; },
                     firstAnswer);
}

} // namespace keel::billing
