#include "contract_lines.h"

#include "json_codec.h"

#include <QJsonObject>

namespace keel {

namespace {

const QStringList kModels{BillingModel::TimeAndMaterials, BillingModel::FixedFee,
                          BillingModel::Milestones, BillingModel::Retainer,
                          BillingModel::Subscription};

// Money in the contract currency, or an error at `name`.
void checkCurrency(JsonReader &in, const QString &name, const std::optional<Money> &m,
                   const Currency &currency)
{
    if (m && m->isValid() && !(m->currency() == currency))
        in.addError(name, "currency_mismatch",
                    QStringLiteral("must be in the contract currency %1").arg(currency.code()));
}

void requirePositive(JsonReader &in, const QString &name, const std::optional<Money> &m)
{
    if (m && m->isValid() && !m->isPositive())
        in.addError(name, FieldErrorCode::InvalidValue, QStringLiteral("must be more than zero"));
}

qint64 optionalId(JsonReader &in, const QString &name)
{
    const auto id = in.optionalInt64(name);
    if (id && *id <= 0) {
        in.addError(name, FieldErrorCode::InvalidValue, QStringLiteral("not an id"));
        return 0;
    }
    return id.value_or(0);
}

// Dated amounts (schedule entries or milestones) that must sum exactly to the line value.
QList<ContractLineItem> readItems(JsonReader &line, const QString &name, bool named,
                                  const Currency &currency, const Money &value)
{
    QList<ContractLineItem> items;
    const QJsonArray array = line.requiredArray(name);
    if (!line.has(name))
        return items;
    if (array.isEmpty()) {
        line.addError(name, FieldErrorCode::Required, QStringLiteral("at least one entry"));
        return items;
    }
    bool amountsOk = true;
    Money sum = Money::zero(currency);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = name + u'/' + QString::number(i);
        if (!array[i].isObject()) {
            line.addError(at, FieldErrorCode::InvalidType, QStringLiteral("an object"));
            amountsOk = false;
            continue;
        }
        JsonReader in = line.child(at, array[i].toObject());
        ContractLineItem item;
        if (named) {
            item.name = in.requiredString(QStringLiteral("name")).trimmed();
            if (item.name.size() > 200)
                in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                            QStringLiteral("at most 200 characters"));
        }
        const QString dateField = named ? QStringLiteral("planned_date") : QStringLiteral("date");
        item.date = in.requiredDate(dateField);
        const auto amount = in.optionalMoney(QStringLiteral("amount"));
        if (!in.has(QStringLiteral("amount")))
            in.addError(QStringLiteral("amount"), FieldErrorCode::Required,
                        QStringLiteral("an amount is needed"));
        checkCurrency(in, QStringLiteral("amount"), amount, currency);
        requirePositive(in, QStringLiteral("amount"), amount);
        if (!in.ok())
            amountsOk = false;
        else {
            item.amount = *amount;
            const auto s = sum.add(item.amount);
            if (!s)
                amountsOk = false;
            else
                sum = *s;
        }
        line.addErrors(in.errors());
        items.append(item);
    }
    if (amountsOk && value.isValid() && !(sum == value))
        line.addError(name, "sum_mismatch",
                      QStringLiteral("the amounts sum to %1 but the line value is %2")
                          .arg(sum.toString(), value.toString()));
    return items;
}

void requireDates(JsonReader &in, ContractLine &line)
{
    line.startDate = in.requiredDate(QStringLiteral("start_date"));
    line.endDate = in.requiredDate(QStringLiteral("end_date"));
    if (line.startDate.isValid() && line.endDate.isValid() && line.endDate < line.startDate)
        in.addError(QStringLiteral("end_date"), FieldErrorCode::InvalidValue,
                    QStringLiteral("must not be before start_date"));
}

QJsonValue optDecimal(const std::optional<Decimal> &d)
{
    return d ? decimalToJson(*d) : QJsonValue();
}

QJsonValue optMoney(const std::optional<Money> &m)
{
    return m ? QJsonValue(moneyToJson(*m)) : QJsonValue();
}

QJsonArray itemsJson(const QList<ContractLineItem> &items, bool named)
{
    QJsonArray out;
    for (const ContractLineItem &i : items) {
        QJsonObject o{{"amount", moneyToJson(i.amount)}};
        if (named) {
            o.insert("name", i.name);
            o.insert("planned_date", dateToJson(i.date));
        } else {
            o.insert("date", dateToJson(i.date));
        }
        out.append(o);
    }
    return out;
}

} // namespace

ContractLine parseContractLine(const QJsonObject &object, const QString &path,
                               const Currency &currency, QList<FieldError> &errors)
{
    JsonReader in(object, path);
    ContractLine line;
    line.description = in.requiredString(QStringLiteral("description")).trimmed();
    if (line.description.size() > 500)
        in.addError(QStringLiteral("description"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 500 characters"));
    line.billingModel = in.requiredString(QStringLiteral("billing_model"));
    if (in.has(QStringLiteral("billing_model")) && !kModels.contains(line.billingModel))
        in.addError(QStringLiteral("billing_model"), FieldErrorCode::InvalidValue,
                    QStringLiteral("one of: %1").arg(kModels.join(QStringLiteral(", "))));
    const auto value = in.optionalMoney(QStringLiteral("value"));
    if (!in.has(QStringLiteral("value")))
        in.addError(QStringLiteral("value"), FieldErrorCode::Required,
                    QStringLiteral("the line value is needed"));
    checkCurrency(in, QStringLiteral("value"), value, currency);
    if (value && value->isValid() && value->isNegative())
        in.addError(QStringLiteral("value"), FieldErrorCode::InvalidValue,
                    QStringLiteral("must not be negative"));
    const bool valueOk = in.ok() && value.has_value();
    if (valueOk)
        line.value = *value;

    line.jobRoleId = optionalId(in, QStringLiteral("job_role_id"));
    line.hours = in.optionalDecimal(QStringLiteral("hours"));
    line.rate = in.optionalDecimal(QStringLiteral("rate"));
    line.costRate = in.optionalDecimal(QStringLiteral("cost_rate"));
    const QList<QPair<QString, std::optional<Decimal>>> quantities{
        {QStringLiteral("hours"), line.hours},
        {QStringLiteral("rate"), line.rate},
        {QStringLiteral("cost_rate"), line.costRate}};
    for (const auto &[name, d] : quantities)
        if (d && d->isNegative())
            in.addError(name, FieldErrorCode::InvalidValue, QStringLiteral("must not be negative"));
    if (line.hours && line.jobRoleId == 0)
        in.addError(QStringLiteral("job_role_id"), FieldErrorCode::Required,
                    QStringLiteral("hours are sold for a job role"));

    const QString m = line.billingModel;
    if (m == QLatin1String(BillingModel::TimeAndMaterials)) {
        if (const auto rates = in.optionalArray(QStringLiteral("rates"))) {
            for (qsizetype i = 0; i < rates->size(); ++i) {
                const QString at = QStringLiteral("rates/%1").arg(i);
                JsonReader r = in.child(at, rates->at(i).toObject());
                ContractLineRate rate;
                rate.jobRoleId = r.requiredInt64(QStringLiteral("job_role_id"));
                rate.rate = r.requiredDecimal(QStringLiteral("rate"));
                if (r.ok() && (rate.jobRoleId <= 0 || rate.rate.isNegative()))
                    r.addError(rate.jobRoleId <= 0 ? QStringLiteral("job_role_id")
                                                   : QStringLiteral("rate"),
                               FieldErrorCode::InvalidValue, QStringLiteral("out of range"));
                in.addErrors(r.errors());
                line.rates.append(rate);
            }
        }
        line.rateList = in.optionalString(QStringLiteral("rate_list")).value_or(QString());
        if (line.rates.isEmpty() && line.rateList.isEmpty()) {
            if (line.jobRoleId > 0 && line.rate)
                line.rates.append({line.jobRoleId, *line.rate});
            else
                in.addError(QStringLiteral("rates"), FieldErrorCode::Required,
                            QStringLiteral("job role rates or a rate list are needed"));
        }
        line.notToExceed = in.optionalMoney(QStringLiteral("not_to_exceed"));
        checkCurrency(in, QStringLiteral("not_to_exceed"), line.notToExceed, currency);
        requirePositive(in, QStringLiteral("not_to_exceed"), line.notToExceed);
        if (valueOk && line.notToExceed && line.notToExceed->currency() == currency &&
            *line.notToExceed < line.value)
            in.addError(QStringLiteral("not_to_exceed"), "below_value",
                        QStringLiteral("the cap is below the line value"));
    } else if (m == QLatin1String(BillingModel::FixedFee)) {
        line.schedule = readItems(in, QStringLiteral("schedule"), false, currency,
                                  valueOk ? line.value : Money());
    } else if (m == QLatin1String(BillingModel::Milestones)) {
        line.milestones = readItems(in, QStringLiteral("milestones"), true, currency,
                                    valueOk ? line.value : Money());
    } else if (m == QLatin1String(BillingModel::Retainer)) {
        line.monthlyAmount = in.optionalMoney(QStringLiteral("monthly_amount"));
        if (!in.has(QStringLiteral("monthly_amount")))
            in.addError(QStringLiteral("monthly_amount"), FieldErrorCode::Required,
                        QStringLiteral("the monthly amount is needed"));
        checkCurrency(in, QStringLiteral("monthly_amount"), line.monthlyAmount, currency);
        requirePositive(in, QStringLiteral("monthly_amount"), line.monthlyAmount);
        requireDates(in, line);
        line.drawdownHours = in.requiredDecimal(QStringLiteral("drawdown_hours"));
        if (line.drawdownHours->isNegative())
            in.addError(QStringLiteral("drawdown_hours"), FieldErrorCode::InvalidValue,
                        QStringLiteral("must not be negative"));
        line.rollover = in.requiredString(QStringLiteral("rollover"));
        static const QStringList rules{QStringLiteral("none"), QStringLiteral("next_period"),
                                       QStringLiteral("expire")};
        if (in.has(QStringLiteral("rollover")) && !rules.contains(line.rollover))
            in.addError(QStringLiteral("rollover"), FieldErrorCode::InvalidValue,
                        QStringLiteral("one of: none, next_period, expire"));
    } else if (m == QLatin1String(BillingModel::Subscription)) {
        line.feePerPeriod = in.optionalMoney(QStringLiteral("fee_per_period"));
        if (!in.has(QStringLiteral("fee_per_period")))
            in.addError(QStringLiteral("fee_per_period"), FieldErrorCode::Required,
                        QStringLiteral("the fee per period is needed"));
        checkCurrency(in, QStringLiteral("fee_per_period"), line.feePerPeriod, currency);
        requirePositive(in, QStringLiteral("fee_per_period"), line.feePerPeriod);
        line.period = in.requiredString(QStringLiteral("period"));
        static const QStringList periods{QStringLiteral("month"), QStringLiteral("quarter"),
                                         QStringLiteral("year")};
        if (in.has(QStringLiteral("period")) && !periods.contains(line.period))
            in.addError(QStringLiteral("period"), FieldErrorCode::InvalidValue,
                        QStringLiteral("one of: month, quarter, year"));
        requireDates(in, line);
    }
    errors.append(in.errors());
    return line;
}

QList<ContractLine> parseContractLines(const QJsonArray &lines, const QString &pathPrefix,
                                       const Currency &currency, QList<FieldError> &errors)
{
    QList<ContractLine> out;
    if (lines.size() > 200) {
        errors.append(
            {pathPrefix, FieldErrorCode::InvalidValue, QStringLiteral("at most 200 lines")});
        return out;
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString at = pathPrefix + u'/' + QString::number(i);
        if (!lines[i].isObject()) {
            errors.append({at, FieldErrorCode::InvalidType, QStringLiteral("a line object")});
            continue;
        }
        out.append(parseContractLine(lines[i].toObject(), at, currency, errors));
    }
    return out;
}

Result<Money> totalOf(const QList<ContractLine> &lines, const Currency &currency)
{
    Money sum = Money::zero(currency);
    for (const ContractLine &l : lines) {
        const auto s = sum.add(l.value);
        if (!s)
            return s.error();
        sum = *s;
    }
    return sum;
}

QJsonObject ContractLine::toJson() const
{
    QJsonObject o{{"id", idToJson(id)},
                  {"line_no", lineNo},
                  {"description", description},
                  {"billing_model", billingModel},
                  {"value", moneyToJson(value)},
                  {"quote_line_id", quoteLineId ? idToJson(quoteLineId) : QJsonValue()},
                  {"job_role_id", jobRoleId ? idToJson(jobRoleId) : QJsonValue()},
                  {"hours", optDecimal(hours)},
                  {"rate", optDecimal(rate)},
                  {"cost_rate", optDecimal(costRate)},
                  {"cost_amount", optMoney(costAmount)}};
    if (billingModel == QLatin1String(BillingModel::TimeAndMaterials)) {
        QJsonArray r;
        for (const ContractLineRate &x : rates)
            r.append(QJsonObject{{"job_role_id", idToJson(x.jobRoleId)},
                                 {"rate", decimalToJson(x.rate)}});
        o.insert("rates", r);
        o.insert("rate_list", rateList.isEmpty() ? QJsonValue() : QJsonValue(rateList));
        o.insert("not_to_exceed", optMoney(notToExceed));
    } else if (billingModel == QLatin1String(BillingModel::FixedFee)) {
        o.insert("schedule", itemsJson(schedule, false));
    } else if (billingModel == QLatin1String(BillingModel::Milestones)) {
        o.insert("milestones", itemsJson(milestones, true));
    } else if (billingModel == QLatin1String(BillingModel::Retainer)) {
        o.insert("monthly_amount", optMoney(monthlyAmount));
        o.insert("drawdown_hours", optDecimal(drawdownHours));
        o.insert("rollover", rollover);
        o.insert("start_date", dateToJson(startDate));
        o.insert("end_date", dateToJson(endDate));
    } else if (billingModel == QLatin1String(BillingModel::Subscription)) {
        o.insert("fee_per_period", optMoney(feePerPeriod));
        o.insert("period", period);
        o.insert("start_date", dateToJson(startDate));
        o.insert("end_date", dateToJson(endDate));
    }
    return o;
}

} // namespace keel
