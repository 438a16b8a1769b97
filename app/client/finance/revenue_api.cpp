#include "revenue_api.h"

#include "api_client.h"
#include "finance_api.h"
#include "paged_list_model.h"

#include <QJsonObject>
#include <QUrl>

namespace keel::finance {

namespace {
const QString Base = QStringLiteral("/api/v1/revenue");
}

QString RevenueApi::schedulePath(const QString &contract)
{
    return Base + QStringLiteral("/contracts/") +
           QString::fromLatin1(QUrl::toPercentEncoding(contract)) + QStringLiteral("/schedule");
}

QString RevenueApi::forecastPath(const QString &entity, QDate from, QDate to, bool groupCurrency)
{
    return Base + QStringLiteral("/forecast?") +
           queryOf(
               {{"legal_entity_id", entity},
                {"from", month(from)},
                {"to", month(to)},
                {"currency", groupCurrency ? QStringLiteral("group") : QStringLiteral("entity")}});
}

QString RevenueApi::forecastContractsPath(const QString &month, const QString &entity,
                                          bool groupCurrency)
{
    return Base + QStringLiteral("/forecast/") +
           QString::fromLatin1(QUrl::toPercentEncoding(month)) + QStringLiteral("/contracts?") +
           queryOf(
               {{"legal_entity_id", entity},
                {"currency", groupCurrency ? QStringLiteral("group") : QStringLiteral("entity")}});
}

QString RevenueApi::runsPath()
{
    return Base + QStringLiteral("/runs");
}

ApiReply *RevenueApi::startRun(const QString &entity, QDate period) const
{
    return m_api->post(runsPath(),
                       QJsonObject{{"legal_entity_id", entity}, {"period", month(period)}});
}

ApiReply *RevenueApi::run(const QString &id) const
{
    return m_api->get(runsPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

sales::PagedListModel *revenueContractsModel(ApiClient *api, QObject *parent)
{
    using F = sales::ListColumn::Format;
    auto *m = new sales::PagedListModel(
        api, QStringLiteral("/api/v1/billing/contracts"),
        {{"number", QT_TRANSLATE_NOOP("keel::sales::Columns", "Contract"), F::Text, {}},
         {"title", QT_TRANSLATE_NOOP("keel::sales::Columns", "Title"), F::Text, {}},
         {"account_name", QT_TRANSLATE_NOOP("keel::sales::Columns", "Client"), F::Text, {}}},
        parent);
    m->setPageSize(100);
    return m;
}

sales::PagedListModel *revenueMonthContractsModel(ApiClient *api, QObject *parent)
{
    using F = sales::ListColumn::Format;
    auto *m = new sales::PagedListModel(
        api, QString(),
        {{"number", QT_TRANSLATE_NOOP("keel::sales::Columns", "Contract"), F::Text, {}},
         {"title", QT_TRANSLATE_NOOP("keel::sales::Columns", "Title"), F::Text, {}},
         {"client", QT_TRANSLATE_NOOP("keel::sales::Columns", "Client"), F::Text, {}},
         {"actual", QT_TRANSLATE_NOOP("keel::sales::Columns", "Actual"), F::Money, {}},
         {"forecast", QT_TRANSLATE_NOOP("keel::sales::Columns", "Forecast"), F::Money, {}}},
        parent);
    m->setPageSize(200);
    return m;
}

} // namespace keel::finance
