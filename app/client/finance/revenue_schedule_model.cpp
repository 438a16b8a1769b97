#include "revenue_schedule_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "decimal.h"
#include "problem_text.h"
#include "revenue_api.h"
#include "revenue_months_model.h"
#include "sales_format.h"
#include "statements_model.h"

#include <QJsonArray>
#include <QStringList>

namespace keel::finance {

RevenueSchedule::RevenueSchedule(ApiClient *api, QObject *parent)
    : QObject(parent), m_api(api), m_months(new RevenueMonthsModel(this))
{}

void RevenueSchedule::load(const QString &contractId)
{
    if (!m_api || contractId.isEmpty())
        return;
    m_contract = contractId;
    const int generation = ++m_generation;
    m_loading = true;
    ApiReply *r = m_api->get(RevenueApi::schedulePath(contractId));
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return; // another contract was picked meanwhile
        m_loading = false;
        if (!r->ok()) {
            clear();
            emit loadFailed(humanMessage(r->problem()));
            return;
        }
        setSchedule(r->object());
        emit loaded();
    });
}

void RevenueSchedule::clear()
{
    m_schedule = {};
    m_months->setMonths({}, {});
}

QJsonValue RevenueSchedule::member(const QString &key) const
{
    // The position may sit at the top or in a "summary" / "totals" object.
    for (const QJsonObject &o : {m_schedule, m_schedule.value("summary").toObject(),
                                 m_schedule.value("totals").toObject()})
        if (o.contains(key))
            return o.value(key);
    return {};
}

QString RevenueSchedule::currency() const
{
    if (const QString c = m_schedule.value("currency").toString(); !c.isEmpty())
        return c;
    if (const QString c = m_schedule.value("contract").toObject().value("currency").toString();
        !c.isEmpty())
        return c;
    for (const char *k : {"transaction_price", "recognised_to_date", "billed_to_date"})
        if (const QString c =
                member(QString::fromLatin1(k)).toObject().value("currency").toString();
            !c.isEmpty())
            return c;
    return {};
}

void RevenueSchedule::setSchedule(const QJsonObject &schedule)
{
    m_schedule = schedule;
    QJsonArray months;
    for (const char *k : {"months", "schedule", "periods"})
        if (schedule.value(k).isArray()) {
            months = schedule.value(k).toArray();
            break;
        }
    if (months.isEmpty()) // per obligation only: the contract's months are their sum
        for (const QJsonValue &ob : schedule.value("obligations").toArray())
            for (const char *k : {"months", "schedule", "periods"})
                for (const QJsonValue &m : ob.toObject().value(k).toArray())
                    months.append(m);
    m_months->setMonths(months, currency());
}

QString RevenueSchedule::figure(const QString &key) const
{
    if (const QString top = RevenueMonthsModel::decimalOf(member(key)); !top.isEmpty())
        return top;
    // The contract's value and estimate are its obligations' together.
    QString total;
    for (const QJsonValue &ob : m_schedule.value("obligations").toArray())
        if (const QString v = RevenueMonthsModel::decimalOf(ob.toObject().value(key)); !v.isEmpty())
            total = RevenueMonthsModel::sum(total.isEmpty() ? QStringLiteral("0") : total, v);
    return total;
}

QString RevenueSchedule::figureText(const QString &key) const
{
    const QString amount = figure(key);
    if (amount.isEmpty())
        return {};
    return currency() + u' ' + StatementsModel::formatAmount(amount, currency());
}

QString RevenueSchedule::percentComplete() const
{
    // Percentages are decimal strings in the API, never JSON numbers.
    if (const QString top = member(QStringLiteral("percent_complete")).toString(); !top.isEmpty())
        return top;
    // Several obligations: their percentages weighted by their prices.
    Decimal weighted;
    Decimal prices;
    QString first;
    for (const QJsonValue &v : m_schedule.value("obligations").toArray()) {
        const QJsonObject ob = v.toObject();
        const auto pct = Decimal::parse(ob.value("percent_complete").toString());
        const auto price =
            Decimal::parse(RevenueMonthsModel::decimalOf(ob.value("transaction_price")));
        if (!pct)
            continue;
        if (first.isEmpty())
            first = pct->toString();
        if (!price)
            continue;
        const auto part = pct->multiply(*price);
        const auto w = part ? weighted.add(*part) : Result<Decimal>(part.error());
        const auto p = prices.add(*price);
        if (!w || !p)
            return first;
        weighted = *w;
        prices = *p;
    }
    if (prices.isZero())
        return first;
    const auto pct = weighted.divide(prices);
    return pct ? pct->rounded(2).toString(2) : first;
}

QString RevenueSchedule::percentCompleteText() const
{
    const QString text = percentComplete();
    return text.isEmpty() ? QString() : sales::formatDecimalText(text, 1) + QStringLiteral(" %");
}

QString RevenueSchedule::methodText(const QString &method)
{
    if (method == QLatin1String("time_and_materials"))
        return tr("Time and materials (as delivered)");
    if (method == QLatin1String("poc_cost"))
        return tr("Percentage of completion (cost)");
    if (method == QLatin1String("poc_effort"))
        return tr("Percentage of completion (effort)");
    if (method == QLatin1String("milestone"))
        return tr("Milestones (on acceptance)");
    if (method == QLatin1String("straight_line"))
        return tr("Straight-line (by day)");
    return method;
}

QString RevenueSchedule::methodsText() const
{
    QStringList methods;
    for (const QJsonValue &ob : m_schedule.value("obligations").toArray()) {
        const QString m = methodText(ob.toObject().value("method").toString());
        if (!m.isEmpty() && !methods.contains(m))
            methods.append(m);
    }
    if (methods.isEmpty() && m_schedule.contains("method"))
        methods.append(methodText(m_schedule.value("method").toString()));
    return methods.join(QStringLiteral(", "));
}

} // namespace keel::finance
