#include "insights_answers.h"

#include <QJsonArray>

#include <cmath>

namespace keel::insights {

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

namespace {
QString t(const QJsonObject &o, const char *key)
{
    return jsonText(o.value(QLatin1String(key)));
}
} // namespace

InsightsReason InsightsReason::fromJson(const QJsonObject &o)
{
    InsightsReason r;
    r.code = o.contains(QLatin1String("factor")) ? t(o, "factor") : t(o, "kind");
    r.label = t(o, "label");
    r.value = t(o, "value");
    r.effect = t(o, "effect");
    r.text = t(o, "text");
    r.lineId = t(o, "line_id");
    r.raw = o;
    const QJsonValue cw = o.value(QLatin1String("compared_with"));
    if (cw.isObject()) {
        const QJsonObject c = cw.toObject();
        r.comparedObject = c;
        r.basis = t(c, "basis");
        r.comparedWith = t(c, "median");
        r.mad = t(c, "mad");
        r.n = c.value(QLatin1String("n")).toInt();
    } else {
        r.comparedWith = jsonText(cw);
    }
    return r;
}

QList<InsightsReason> reasonsFromJson(const QJsonValue &array)
{
    QList<InsightsReason> out;
    for (const QJsonValue &v : array.toArray())
        out.append(InsightsReason::fromJson(v.toObject()));
    return out;
}

QString InsightsModelInfo::figure(const QString &name) const
{
    for (const InsightsBacktestFigure &f : figures)
        if (f.name == name)
            return f.value;
    return {};
}

InsightsModelInfo InsightsModelInfo::fromJson(const QJsonObject &o)
{
    InsightsModelInfo m;
    m.name = t(o, "name");
    m.title = t(o, "title");
    m.description = t(o, "description");
    m.version = o.value(QLatin1String("version")).toInt();
    m.trainedAt = t(o, "trained_at");
    m.asOf = t(o, "as_of");
    m.trainingMs = qint64(o.value(QLatin1String("training_ms")).toDouble());
    m.sampleSize = qint64(o.value(QLatin1String("sample_size")).toDouble());
    const QJsonObject b = o.value(QLatin1String("backtest")).toObject();
    m.cutoff = t(b, "cutoff");
    m.trainedOn = t(b, "trained_on");
    m.scoredOn = t(b, "scored_on");
    m.notes = t(b, "notes");
    const QJsonObject figures = b.value(QLatin1String("figures")).toObject();
    for (auto it = figures.begin(); it != figures.end(); ++it)
        m.figures.append({it.key(), jsonText(it.value())});
    return m;
}

QList<InsightsModelInfo> modelsFromJson(const QJsonObject &answer)
{
    QList<InsightsModelInfo> out;
    for (const QJsonValue &v : answer.value(QLatin1String("items")).toArray())
        out.append(InsightsModelInfo::fromJson(v.toObject()));
    return out;
}

DealScore DealScore::fromJson(const QJsonObject &o)
{
    DealScore d;
    d.id = t(o, "opportunity_id");
    d.name = t(o, "name");
    d.accountId = t(o, "account_id");
    d.account = t(o, "account");
    d.stage = t(o, "stage");
    d.owner = t(o, "owner");
    d.value = t(o, "value");
    d.currency = t(o, "currency");
    d.expectedClose = t(o, "expected_close");
    d.repProbability = t(o, "rep_probability");
    d.modelProbability = t(o, "model_probability");
    d.weightedRep = t(o, "weighted_rep");
    d.weightedModel = t(o, "weighted_model");
    d.atRisk = o.value(QLatin1String("at_risk")).toBool();
    d.factors = reasonsFromJson(o.value(QLatin1String("factors")));
    return d;
}

ProjectRisk ProjectRisk::fromJson(const QJsonObject &o)
{
    ProjectRisk p;
    p.id = t(o, "project_id");
    p.code = t(o, "code");
    p.name = t(o, "name");
    p.account = t(o, "account");
    p.manager = t(o, "manager");
    p.currency = t(o, "currency");
    p.contractValue = t(o, "contract_value");
    p.targetMargin = t(o, "target_margin");
    p.forecastMargin = t(o, "forecast_margin");
    p.expectedMargin = t(o, "expected_margin");
    p.budgetSpentPct = t(o, "budget_spent_pct");
    p.percentComplete = t(o, "percent_complete");
    p.severity = t(o, "severity");
    p.evidence = reasonsFromJson(o.value(QLatin1String("evidence")));
    return p;
}

FlaggedInvoice FlaggedInvoice::fromJson(const QJsonObject &o)
{
    FlaggedInvoice f;
    f.id = t(o, "invoice_id");
    f.number = t(o, "number");
    f.account = t(o, "account");
    f.contractId = t(o, "contract_id");
    f.total = t(o, "total");
    f.currency = t(o, "currency");
    f.flags = reasonsFromJson(o.value(QLatin1String("flags")));
    return f;
}

CollectionItem CollectionItem::fromJson(const QJsonObject &o)
{
    CollectionItem c;
    c.invoiceId = t(o, "invoice_id");
    c.number = t(o, "number");
    c.accountId = t(o, "account_id");
    c.account = t(o, "account");
    c.dueDate = t(o, "due_date");
    c.openAmount = t(o, "open_amount");
    c.currency = t(o, "currency");
    c.expectedPaymentDate = t(o, "expected_payment_date");
    c.expectedDaysLate = t(o, "expected_days_late");
    c.pLate30 = t(o, "p_late_30");
    c.factors = reasonsFromJson(o.value(QLatin1String("factors")));
    return c;
}

CashInForecast CashInForecast::fromJson(const QJsonObject &o)
{
    CashInForecast c;
    c.currency = t(o, "currency");
    c.totalOpen = t(o, "total_open");
    for (const QJsonValue &v : o.value(QLatin1String("weeks")).toArray()) {
        const QJsonObject w = v.toObject();
        c.weeks.append({t(w, "week_start"), t(w, "expected"), t(w, "p10"), t(w, "p90"),
                        w.value(QLatin1String("invoices")).toInt()});
    }
    c.model = InsightsModelInfo::fromJson(o.value(QLatin1String("model")).toObject());
    return c;
}

RevenueForecast RevenueForecast::fromJson(const QJsonObject &o)
{
    RevenueForecast f;
    f.currency = t(o, "currency");
    for (const QJsonValue &v : o.value(QLatin1String("months")).toArray()) {
        const QJsonObject m = v.toObject();
        ForecastMonth month;
        month.month = t(m, "month");
        month.backlog = t(m, "backlog");
        month.pipeline = t(m, "pipeline");
        month.runRate = t(m, "run_rate");
        month.expected = t(m, "expected");
        month.p10 = t(m, "p10");
        month.p90 = t(m, "p90");
        month.requiredHours = t(m, "required_hours");
        month.availableHours = t(m, "available_hours");
        month.capacityOk = m.value(QLatin1String("capacity_ok")).toBool(true);
        f.months.append(month);
    }
    for (const QJsonValue &v : o.value(QLatin1String("capacity")).toArray()) {
        const QJsonObject c = v.toObject();
        f.capacity.append({t(c, "month"), t(c, "role"), t(c, "required_hours"),
                           t(c, "available_hours"), t(c, "shortfall_hours")});
    }
    f.factors = reasonsFromJson(o.value(QLatin1String("factors")));
    f.model = InsightsModelInfo::fromJson(o.value(QLatin1String("model")).toObject());
    return f;
}

ForecastRecord ForecastRecord::fromJson(const QJsonObject &o)
{
    return {t(o, "kind"),   t(o, "id"),       t(o, "name"),       t(o, "account"),
            t(o, "amount"), t(o, "currency"), t(o, "probability")};
}

} // namespace keel::insights
