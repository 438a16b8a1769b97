#pragma once

#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel::expenses {

// An expense category and its policy as GET /api/v1/expenses/categories answers it; the cap and
// the receipt threshold are in the entity's functional currency.
struct CategoryPolicy
{
    QString id;
    QString code;
    QString name;
    QString capKind = QStringLiteral("none"); // none, per_item, per_day
    std::optional<Money> cap;
    Money receiptRequiredAbove;
    bool billableDefault = true;
    QString markupPct;

    // `currency` is the list's functional currency.
    static CategoryPolicy fromJson(const QJsonObject &json, const QString &currency);
    // "Cap GBP 50.00 per day · receipt above GBP 25.00", in words for the form.
    QString describe() const;
};

// What the form shows before submitting. The server checks again on save and on submit (it is
// the judge: it converts foreign currencies at the day's rate); this is the same rule computed
// from the category so people see a breach while typing.
struct PolicyCheck
{
    QStringList breaches;        // in words; empty = within policy
    bool receiptMissing = false; // a receipt is required and none is attached
    bool notCheckable = false;   // another currency: only the server can convert it
    QString note;                // why not checkable

    bool hasBreach() const { return !breaches.isEmpty(); }
    QString text() const; // breaches joined for a label
};

// `sameDayOthers`: the person's other expenses of the category on the day (per-day caps), in
// the functional currency.
PolicyCheck checkPolicy(const CategoryPolicy &policy, const Money &amount,
                        const Money &sameDayOthers, bool hasReceipt, QDate date);

} // namespace keel::expenses
