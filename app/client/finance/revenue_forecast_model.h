#pragma once

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace keel {
class ApiClient;
}

namespace keel::finance {

class RevenueMonthsModel;

// The firm's (or one entity's) revenue by month (GET /revenue/forecast): actual recognised for
// the closed months, forecast after, in the group currency or the entity's.
class RevenueForecast : public QObject
{
    Q_OBJECT
public:
    explicit RevenueForecast(ApiClient *api, QObject *parent = nullptr);

    RevenueMonthsModel *months() const { return m_months; }
    // `entity` empty: the whole firm (then always in the group currency).
    void load(const QString &entity, QDate from, QDate to, bool groupCurrency);
    void setForecast(const QJsonObject &forecast);
    const QJsonObject &forecast() const { return m_forecast; }
    QString currency() const;
    bool isLoading() const { return m_loading; }

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    QPointer<ApiClient> m_api;
    RevenueMonthsModel *m_months;
    QJsonObject m_forecast;
    bool m_loading = false;
    int m_generation = 0;
};

} // namespace keel::finance
