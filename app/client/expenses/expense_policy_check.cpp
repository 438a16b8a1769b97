#include "expense_policy_check.h"

#include "sales_format.h"

#include <QCoreApplication>
#include <QLocale>

namespace keel::expenses {

namespace {
class Text
{
    Q_DECLARE_TR_FUNCTIONS(keel::expenses::Policy)
};

QString idOf(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString::number(v.toInteger());
}

// The API sends policy amounts as decimal text (or money objects); never via double.
std::optional<Money> amountOf(const QJsonValue &v, const QString &currency)
{
    if (v.isObject()) {
        const Money m = sales::moneyFromJsonValue(v);
        return m.isValid() ? std::optional<Money>(m) : std::nullopt;
    }
    if (!v.isString() || v.toString().isEmpty())
        return std::nullopt;
    const auto d = Decimal::parse(v.toString());
    const auto c = Currency::fromCode(currency);
    if (!d.ok() || !c.ok())
        return std::nullopt;
    const auto m = Money::fromDecimal(d.value(), c.value());
    return m.ok() ? std::optional<Money>(m.value()) : std::nullopt;
}
} // namespace

CategoryPolicy CategoryPolicy::fromJson(const QJsonObject &json, const QString &currency)
{
    CategoryPolicy p;
    p.id = idOf(json.value("id"));
    p.code = json.value("code").toString();
    p.name = json.value("name").toString();
    p.capKind = json.value("cap_kind").toString(QStringLiteral("none"));
    if (p.capKind != QLatin1String("none"))
        p.cap = amountOf(json.value("cap_amount"), currency);
    const auto receipt = amountOf(json.value("receipt_required_above"), currency);
    const auto c = Currency::fromCode(currency);
    p.receiptRequiredAbove = receipt ? *receipt : (c.ok() ? Money::zero(c.value()) : Money());
    p.billableDefault = json.value("billable_default").toBool(true);
    p.markupPct = json.value("markup_pct").toString();
    return p;
}

QString CategoryPolicy::describe() const
{
    QStringList parts;
    if (cap && capKind == QLatin1String("per_item"))
        parts.append(Text::tr("Cap %1 per item").arg(sales::formatMoney(*cap)));
    else if (cap && capKind == QLatin1String("per_day"))
        parts.append(Text::tr("Cap %1 per day").arg(sales::formatMoney(*cap)));
    else
        parts.append(Text::tr("No cap"));
    if (receiptRequiredAbove.isValid() && receiptRequiredAbove.isPositive())
        parts.append(
            Text::tr("receipt required above %1").arg(sales::formatMoney(receiptRequiredAbove)));
    else
        parts.append(Text::tr("receipt always required"));
    return parts.join(QStringLiteral(" · "));
}

QString PolicyCheck::text() const
{
    return breaches.join(u'\n');
}

PolicyCheck checkPolicy(const CategoryPolicy &policy, const Money &amount,
                        const Money &sameDayOthers, bool hasReceipt, QDate date)
{
    PolicyCheck check;
    if (!amount.isValid() || !amount.isPositive())
        return check;
    const Money &reference = policy.cap ? *policy.cap : policy.receiptRequiredAbove;
    if (reference.isValid() && !(amount.currency() == reference.currency())) {
        check.notCheckable = true;
        check.note = Text::tr("Amounts in %1 are checked against the policy (in %2) after "
                              "conversion at the day's rate when you save.")
                         .arg(amount.currency().code(), reference.currency().code());
        return check;
    }
    if (policy.cap && policy.capKind == QLatin1String("per_item") && amount > *policy.cap)
        check.breaches.append(
            Text::tr("%1 is above the %2 cap of %3 per item.")
                .arg(sales::formatMoney(amount), policy.name, sales::formatMoney(*policy.cap)));
    if (policy.cap && policy.capKind == QLatin1String("per_day")) {
        const Money day =
            sameDayOthers.isValid() ? amount.add(sameDayOthers).valueOr(amount) : amount;
        if (day > *policy.cap)
            check.breaches.append(
                Text::tr("%1 of %2 on %3 (with this expense) is above the daily cap of %4.")
                    .arg(sales::formatMoney(day), policy.name,
                         QLocale().toString(date, QLocale::ShortFormat),
                         sales::formatMoney(*policy.cap)));
    }
    if (!hasReceipt && policy.receiptRequiredAbove.isValid() &&
        amount > policy.receiptRequiredAbove) {
        check.receiptMissing = true;
        check.breaches.append(
            Text::tr("No receipt attached: %1 requires one above %2.")
                .arg(policy.name, sales::formatMoney(policy.receiptRequiredAbove)));
    }
    return check;
}

} // namespace keel::expenses
