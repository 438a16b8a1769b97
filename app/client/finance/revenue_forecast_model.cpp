#include "revenue_forecast_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "problem_text.h"
#include "revenue_api.h"
#include "revenue_months_model.h"

#include <QJsonArray>

namespace keel::finance {

RevenueForecast::RevenueForecast(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_months(new RevenueMonthsModel(this))
{}

void RevenueForecast::load(const QString &entity, QDate from, QDate to, bool groupCurrency)
{
    if (!m_api)
        return;
    const int generation = ++m_generation;
    m_loading = true;
    ApiReply *r = m_api->get(RevenueApi::forecastPath(entity, from, to, groupCurrency));
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!r->ok()) {
            setForecast({});
            emit loadFailed(humanMessage(r->problem()));
            return;
        }
        setForecast(r->object());
        emit loaded();
    });
}

QString RevenueForecast::currency() const
{
    if (const QString c = m_forecast.value("currency").toString(); !c.isEmpty())
        return c;
    // Else the first money object of the months says it.
    for (const QJsonValue &m : m_forecast.value("months").toArray())
        for (const char *k : {"actual", "forecast", "revenue", "amount"})
            if (const QString c = m.toObject().value(k).toObject().value("currency").toString();
                !c.isEmpty())
                return c;
    return {};
}

void RevenueForecast::setForecast(const QJsonObject &forecast)
{
    m_forecast = forecast;
    m_months->setMonths(forecast.value("months").toArray(), currency());
}

} // namespace keel::finance
