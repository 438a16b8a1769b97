#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace keel {

// Gapless document numbers per legal entity, kind and year: INV-UK-2026-000123,
// CN-UK-2026-000007.
struct NumberBlock
{
    qint64 entityId = 0;
    QString kind; // invoice | credit_note
    int year = 0;
    int count = 0;
    int first = 0; // set by drawNumbers: the block is first … first + count − 1
};

// Draws every block in one statement. The counter rows stay locked until the caller's
// transaction ends, so a concurrent issuer waits and continues after the last number used; a
// rollback gives the numbers back. Blocks are locked in (entity, kind, year) order, so two
// batches cannot deadlock on them.
void drawNumbers(QSqlDatabase db, QList<NumberBlock> &blocks);

QString formatNumber(const QString &kind, const QString &entityCode, int year, int number);

} // namespace keel
