#pragma once

#include <QJsonObject>
#include <QString>

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::closing {

// The close routes the cockpit calls (server/close/README.md): one place that knows their
// paths. Periods are "YYYY-MM"; ids are the API's strings. Every call answers an ApiReply.
class CloseApi
{
public:
    explicit CloseApi(ApiClient *api) : m_api(api) {}
    ApiClient *client() const { return m_api; }

    static QString periodPath(const QString &entity, const QString &period);
    static QString itemPath(const QString &entity, const QString &period, const QString &task);

    // The grid: every entity the caller reads, per month from..to.
    ApiReply *periods(const QString &from, const QString &to) const;
    ApiReply *checklist(const QString &entity, const QString &period) const;
    ApiReply *setResponsible(const QString &entity, const QString &period, const QString &task,
                             const QString &userId) const;
    ApiReply *signOff(const QString &entity, const QString &period, const QString &task) const;
    // kind: revenue_recognition, subcontractor_accruals, fx_revaluation, intercompany, all.
    ApiReply *startRun(const QString &entity, const QString &period, const QString &kind) const;
    ApiReply *run(const QString &runId) const;
    ApiReply *softClose(const QString &entity, const QString &period) const;
    ApiReply *hardClose(const QString &entity, const QString &period) const;
    // to_status "open" or "soft_closed"; the period changes once a controller approves.
    ApiReply *requestReopen(const QString &entity, const QString &period, const QString &toStatus,
                            const QString &reason) const;

private:
    ApiClient *m_api;
};

} // namespace keel::closing
