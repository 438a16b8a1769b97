#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace keel {

struct Request;

// The legal entities whose insights a caller sees: those its `insights.use` grants cover,
// narrowed by `?entity=<id>` (another entity: 403; not an id: 422 naming `entity`). Amounts of
// several entities are answered in the group currency, one entity's in its functional currency.
struct InsightsScope
{
    QList<qint64> entityIds;
    QHash<qint64, QString> functionalCurrency; // of every entity in entityIds
    QString groupCurrency;                     // group_settings
    QString currency; // the answer's: functional with one entity, else group

    bool oneEntity() const { return entityIds.size() == 1; }
};

InsightsScope insightsScope(QSqlDatabase db, const Request &request);

} // namespace keel
