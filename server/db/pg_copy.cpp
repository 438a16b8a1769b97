#include "pg_copy.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

namespace keel {

namespace {

// Send in chunks of about this size; big enough that libpq's per-call cost disappears.
constexpr qsizetype FlushThreshold = 256 * 1024;

PGconn *pgConnection(QSqlDatabase &db)
{
    if (!db.isOpen() || db.driver() == nullptr) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    // QPSQL stores the connection under the type name "pg_conn*" (not "PGconn*").
    if (!handle.isValid() || qstrcmp(handle.typeName(), "pg_conn*") != 0) {
        return nullptr;
    }
    return *static_cast<PGconn *const *>(handle.constData());
}

QString connectionError(PGconn *conn)
{
    return QString::fromUtf8(PQerrorMessage(conn)).trimmed();
}

} // namespace

PgCopy::PgCopy(QSqlDatabase &db, const QString &copySql)
{
    m_conn = pgConnection(db);
    if (m_conn == nullptr) {
        m_error = QStringLiteral("PgCopy needs an open QPSQL connection");
        return;
    }
    PGresult *res = PQexec(m_conn, copySql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_COPY_IN) {
        m_error = QStringLiteral("COPY could not start: %1")
                      .arg(QString::fromUtf8(PQresultErrorMessage(res)).trimmed());
        if (m_error.endsWith(QLatin1String(": "))) {
            m_error += connectionError(m_conn);
        }
        PQclear(res);
        return;
    }
    PQclear(res);
    m_inCopy = true;
    m_buffer.reserve(FlushThreshold + 4096);
}

PgCopy::~PgCopy()
{
    if (m_inCopy) {
        abort("PgCopy destroyed without finish()");
    }
}

QByteArray PgCopy::escapeField(const QString &field)
{
    if (field.isNull()) {
        return QByteArrayLiteral("\\N");
    }
    const QByteArray utf8 = field.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 8);
    // Multi-byte UTF-8 sequences only use bytes >= 0x80, so a byte-wise scan is safe.
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

void PgCopy::appendEscaped(const QString &field)
{
    m_buffer.append(escapeField(field));
}

void PgCopy::addRow(const QStringList &fields)
{
    if (!m_inCopy) {
        return;
    }
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            m_buffer.append('\t');
        }
        appendEscaped(fields.at(i));
    }
    m_buffer.append('\n');
    ++m_rows;
    if (m_buffer.size() >= FlushThreshold) {
        flush();
    }
}

bool PgCopy::flush()
{
    if (m_buffer.isEmpty()) {
        return true;
    }
    // The connection is blocking: PQputCopyData returns 1 once the data is queued, -1 on error.
    if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1) {
        fail(QStringLiteral("COPY send failed: %1").arg(connectionError(m_conn)));
        return false;
    }
    m_buffer.clear();
    return true;
}

void PgCopy::fail(const QString &message)
{
    m_error = message;
    if (m_inCopy) {
        abort("PgCopy failed");
    }
}

void PgCopy::abort(const char *reason)
{
    m_inCopy = false;
    m_buffer.clear();
    PQputCopyEnd(m_conn, reason);
    // Drain the results so the connection is usable again (the statement has failed).
    while (PGresult *res = PQgetResult(m_conn)) {
        PQclear(res);
    }
}

bool PgCopy::finish(QString *error)
{
    if (m_inCopy) {
        if (flush()) {
            m_inCopy = false;
            if (PQputCopyEnd(m_conn, nullptr) != 1) {
                m_error = QStringLiteral("COPY end failed: %1").arg(connectionError(m_conn));
            }
            while (PGresult *res = PQgetResult(m_conn)) {
                if (PQresultStatus(res) != PGRES_COMMAND_OK && m_error.isEmpty()) {
                    m_error = QStringLiteral("COPY failed: %1")
                                  .arg(QString::fromUtf8(PQresultErrorMessage(res)).trimmed());
                }
                PQclear(res);
            }
        }
    }
    if (error != nullptr) {
        *error = m_error;
    }
    return m_error.isEmpty();
}

} // namespace keel
