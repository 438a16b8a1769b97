#pragma once

#include "money.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace keel::finance {

// One line of a vendor bill as typed (server/timeexpense/README.md, vendor bills): subcontractor
// work is hours × rate on a project and task; other costs (rent, software) are an amount without
// hours. Numbers are plain decimals ("1234.5"), already out of the user's locale.
struct BillLine
{
    enum class Kind
    {
        Work,
        Cost
    };
    Kind kind = Kind::Work;
    QString projectId;
    QString taskId;
    QString description;
    QString hours;
    QString rate;
    QString amount; // other costs only
};

// hours × rate rounded once to the currency's minor unit, half away from zero: the server's
// rule, so the total shown is the total it stores. Invalid Money when a number does not parse.
Money workAmount(const QString &hours, const QString &rate, const QString &currency);
// The line's amount as the server will compute it; invalid when incomplete.
Money lineAmount(const BillLine &line, const QString &currency);
// The sum of the lines that have an amount; `complete` false when one has none.
Money billTotal(const QList<BillLine> &lines, const QString &currency, bool *complete = nullptr);

// The line as POST /vendor-bills takes it: project_id, task_id only when chosen.
QJsonObject billLineJson(const BillLine &line, const QString &currency);
// A line of a stored bill (GET /vendor-bills/{id}) back as typed text.
BillLine billLineFromJson(const QJsonObject &line);

// "1.234,50" in the user's locale (or "1234.50") as a plain decimal "1234.50"; empty stays empty.
QString plainDecimal(const QString &typed);

} // namespace keel::finance
