#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
}
namespace keel::delivery {
class JsonArrayModel;
}

namespace keel::expenses {

// Expense reports waiting for the signed-in manager's or finance's decision
// (GET /api/v1/expense-reports?scope=to_approve): employee, title, total, step, submitted. One
// report's expenses with their breaches and justifications come with detail(); decide() posts
// approve or reject (comment required) with the version read, and explains a 409/412.
class ExpenseReportInbox : public QObject
{
    Q_OBJECT
public:
    explicit ExpenseReportInbox(ApiClient *api, QObject *parent = nullptr);

    delivery::JsonArrayModel *model() const { return m_model; }
    void reload();
    void loadDetail(const QString &reportId);
    void decide(const QString &reportId, bool approve, const QString &comment);
    // The expenses of a report as lines for people ("Hotel · USD 236.00 · breach … ·
    // justification …").
    static QString detailText(const QJsonObject &report);

signals:
    void loaded();
    void loadFailed(const QString &message);
    void detailLoaded(const QJsonObject &report);
    void decided(const QString &reportId, bool approved);
    void decisionFailed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    delivery::JsonArrayModel *m_model;
};

} // namespace keel::expenses
