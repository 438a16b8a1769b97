#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

namespace keel {

namespace db {

// The libpq connection behind an open QPSQL QSqlDatabase, or nullptr.
void *libpqHandle(QSqlDatabase db);

// A bytea parameter for execPrepared.
struct ByteaParam
{
    QByteArray bytes;
};

// Rows of text values, null values as null QByteArrays.
using PgRows = QList<QList<QByteArray>>;

// Runs `sql` as a statement prepared once per connection under `name`, with binary bytea
// parameters, in one round trip. For per-request hot paths only: QPSQL sends its prepared
// statements as "EXECUTE name ('\x…')" text that PostgreSQL parses every time, which costs
// as much as the query itself. Throws DbError.
PgRows execPrepared(QSqlDatabase db, const char *name, const char *sql,
                    const QList<ByteaParam> &params);

} // namespace db
} // namespace keel
