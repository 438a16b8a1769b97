#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace keel {

struct BillingExceptionRow
{
    qint64 id = 0;
    QString entityCode;
    QString kind, status;
    qint64 contractLineId = 0;
    int version = 0;
    QJsonObject json;
};

// SQL of billing_exceptions and the billing_sources rows they claim.
namespace billing_exception_store {

std::optional<BillingExceptionRow> exception(QSqlDatabase db, qint64 id, bool lock);
// Newest first; `entities` are codes ("*" = all), entityId 0 = any of them, status "" = any.
QJsonArray list(QSqlDatabase db, const QStringList &entities, qint64 entityId,
                const QString &status, qint64 after, int limit);
void resolve(QSqlDatabase db, qint64 id, const QString &status, qint64 userId, const QString &note);
// The claimed time entries and expenses go back to the next run: their rows are deleted, and
// entries an issue marked invoiced meanwhile (the billed part of a split entry) are approved
// again so the run finds what is left of them.
void releaseSources(QSqlDatabase db, qint64 id);
// Whether the cap of the exception's contract line is still reached: what is left under its
// not-to-exceed amount (net of what the line billed, credit notes deducted) would not bill a
// hundredth of an hour of the held time at the lowest of its rates.
bool capReached(QSqlDatabase db, qint64 exceptionId);

} // namespace billing_exception_store
} // namespace keel
