#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace keel {

struct RevenueObligationRow
{
    qint64 id = 0, entityId = 0, contractId = 0;
    QString entityCode, method;
    int version = 0;
    bool recognised = false; // a run has measured it
    QJsonObject json;        // as answered
};

// SQL of revenue_obligations.
namespace revenue_obligation_store {

// Creates the obligations the entity's contract lines (signed, amended, completed, terminated)
// still lack, with the method of their billing model, and brings the price and dates of the
// existing ones up to their lines (an amended contract changes them; the method stays). Two
// statements whatever the number of lines. `contractId` 0: every contract of the entity.
void sync(QSqlDatabase db, qint64 entityId, qint64 contractId = 0);

std::optional<RevenueObligationRow> get(QSqlDatabase db, qint64 id, bool forUpdate = false);
// In contract and line order, keyset on the id; `entities` are codes ("*" = all).
QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId, qint64 contractId,
                qint64 after, int limit);
void setMethod(QSqlDatabase db, qint64 id, const QString &method);

} // namespace revenue_obligation_store
} // namespace keel
