#pragma once

#include "close_store.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

namespace keel {

// The checklist of an entity's period, its items with their states, and what gates its close.
struct CloseChecklist
{
    QJsonObject json; // README "The checklist"
    int red = 0, amber = 0, green = 0;
    QStringList redTasks;      // block the soft close
    QStringList unsignedAmber; // block the hard close
    QHash<QString, qint64> counts;
};

CloseChecklist buildCloseChecklist(QSqlDatabase db, const CloseEntity &entity, QDate periodStart,
                                   const QString &status);

} // namespace keel
