#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::finance {

class RevenueMonthsModel;

// One contract's recognition schedule (GET /revenue/contracts/{id}/schedule): its months,
// actual then forecast, and its position — billed and recognised to date, contract asset or
// liability, percent complete, estimate at completion, loss provision.
class RevenueSchedule : public QObject
{
    Q_OBJECT
public:
    explicit RevenueSchedule(ApiClient *api, QObject *parent = nullptr);

    RevenueMonthsModel *months() const { return m_months; }
    void load(const QString &contractId);
    void setSchedule(const QJsonObject &schedule);
    void clear();
    const QJsonObject &schedule() const { return m_schedule; }
    QString contractId() const { return m_contract; }
    QString currency() const;
    bool isLoading() const { return m_loading; }

    // A figure of the contract's position formatted with its currency ("" when absent):
    // "transaction_price", "recognised_to_date", "billed_to_date", "contract_asset",
    // "contract_liability", "estimate_at_completion", "loss_provision".
    QString figureText(const QString &key) const;
    QString figure(const QString &key) const; // plain decimal
    QString percentComplete() const;          // "45.32" (percent), value-weighted over obligations
    QString percentCompleteText() const;      // "45.3 %"
    // The methods of its obligations in words, e.g. "Percentage of completion (cost)".
    QString methodsText() const;
    static QString methodText(const QString &method);

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    QJsonValue member(const QString &key) const;

    QPointer<ApiClient> m_api;
    RevenueMonthsModel *m_months;
    QJsonObject m_schedule;
    QString m_contract;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::finance
