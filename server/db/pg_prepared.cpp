#include "pg_prepared.h"

#include "database.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

#include <memory>
#include <vector>

namespace keel::db {

namespace {
constexpr unsigned kByteaOid = 17;

struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

DbError errorOf(PGconn *conn, PGresult *result)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return DbError(
        QString::fromLatin1(state ? state : ""),
        QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(conn)).trimmed());
}

Result run(PGconn *conn, const char *name, const QList<ByteaParam> &params)
{
    std::vector<const char *> values;
    std::vector<int> lengths, formats;
    for (const ByteaParam &p : params) {
        values.push_back(p.bytes.constData());
        lengths.push_back(int(p.bytes.size()));
        formats.push_back(1);
    }
    return Result(PQexecPrepared(conn, name, int(params.size()), values.data(), lengths.data(),
                                 formats.data(), 0));
}
} // namespace

void *libpqHandle(QSqlDatabase db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // QPSQL stores the connection under the type name "pg_conn*" (not "PGconn*").
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

PgRows execPrepared(QSqlDatabase db, const char *name, const char *sql,
                    const QList<ByteaParam> &params)
{
    auto *conn = static_cast<PGconn *>(libpqHandle(db));
    if (!conn)
        throw DbError(QString(), QStringLiteral("no open PostgreSQL connection"));
    Result result = run(conn, name, params);
    const char *state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
    if (state && qstrcmp(state, "26000") == 0) { // not prepared on this connection yet
        std::vector<unsigned> types(size_t(params.size()), kByteaOid);
        Result prepared(PQprepare(conn, name, sql, int(params.size()), types.data()));
        if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
            throw errorOf(conn, prepared.get());
        result = run(conn, name, params);
    }
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
        throw errorOf(conn, result.get());
    PgRows rows;
    const int n = PQntuples(result.get()), columns = PQnfields(result.get());
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
        QList<QByteArray> row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(
                PQgetisnull(result.get(), r, c)
                    ? QByteArray()
                    : QByteArray(PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c)));
        rows.append(std::move(row));
    }
    return rows;
}

} // namespace keel::db
