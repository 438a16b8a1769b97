#pragma once

#include "decimal.h"
#include "money.h"
#include "problem.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace keel {

// One dated amount of a line: a fixed-fee billing schedule entry or a milestone.
struct ContractLineItem
{
    QString name; // milestones only
    Money amount;
    QDate date;
};

// A role rate of a time-and-materials line.
struct ContractLineRate
{
    qint64 jobRoleId = 0;
    Decimal rate;
};

// A contract line as entered (validated by parseContractLines) or as stored.
struct ContractLine
{
    qint64 id = 0; // 0 until stored
    int lineNo = 0;
    QString description;
    QString billingModel; // time_and_materials | fixed_fee | milestones | retainer | subscription
    Money value;
    // Sold effort (from a quote's role line, or entered): the budget baseline uses these.
    qint64 quoteLineId = 0;
    qint64 jobRoleId = 0;
    std::optional<Decimal> hours;
    std::optional<Decimal> rate;
    std::optional<Decimal> costRate;
    std::optional<Money> costAmount;
    // time_and_materials
    QList<ContractLineRate> rates;
    QString rateList;
    std::optional<Money> notToExceed;
    // fixed_fee / milestones
    QList<ContractLineItem> schedule;
    QList<ContractLineItem> milestones;
    // retainer
    std::optional<Money> monthlyAmount;
    std::optional<Decimal> drawdownHours;
    QString rollover; // none | next_period | expire
    // subscription
    std::optional<Money> feePerPeriod;
    QString period; // month | quarter | year
    // retainer / subscription
    QDate startDate;
    QDate endDate;

    QJsonObject toJson() const;
};

namespace BillingModel {
inline constexpr auto TimeAndMaterials = "time_and_materials";
inline constexpr auto FixedFee = "fixed_fee";
inline constexpr auto Milestones = "milestones";
inline constexpr auto Retainer = "retainer";
inline constexpr auto Subscription = "subscription";
} // namespace BillingModel

// Reads and validates `lines` (a JSON array) for a contract in `currency`: each model's own
// fields, amounts in the contract currency, schedules and milestones summing exactly to the line
// value. Errors carry full paths ("lines/2/schedule/1/amount") and are appended to `errors`.
// `pathPrefix` is the array's path ("lines", "add_lines").
QList<ContractLine> parseContractLines(const QJsonArray &lines, const QString &pathPrefix,
                                       const Currency &currency, QList<FieldError> &errors);
// One line object at `path` ("replace_lines/0").
ContractLine parseContractLine(const QJsonObject &line, const QString &path,
                               const Currency &currency, QList<FieldError> &errors);

// Σ line values (zero when empty); fails only on overflow.
Result<Money> totalOf(const QList<ContractLine> &lines, const Currency &currency);

} // namespace keel
