#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSqlDatabase;
struct pg_conn;

namespace keel {

// Bulk-loads rows with COPY … FROM STDIN (text format) through the libpq connection behind a
// QPSQL QSqlDatabase. QPSQL itself has no COPY; this takes db.driver()->handle() (a PGconn*).
//
//   PgCopy copy(db, "COPY users (username, email) FROM STDIN");
//   copy.addRow({"j.smith1", QString()});          // a null QString is SQL NULL
//   if (!copy.finish(&error)) …
//
// Runs inside whatever transaction the connection is in (db.transaction() first for
// all-or-nothing). No other query may run on the connection between construction and
// finish(). Rows are buffered and sent in chunks; errors (bad value, constraint) surface at
// the latest in finish(). A PgCopy destroyed without finish() aborts the COPY, which fails the
// statement (and with it the surrounding transaction).
class PgCopy
{
public:
    PgCopy(QSqlDatabase &db, const QString &copySql);
    ~PgCopy();
    PgCopy(const PgCopy &) = delete;
    PgCopy &operator=(const PgCopy &) = delete;

    // False when the COPY could not be started or sending failed; error() says why.
    bool isOk() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    // One row; the number of fields must match the column list. A null QString (QString())
    // is written as NULL (\N); an empty but non-null QString is the empty string.
    void addRow(const QStringList &fields);
    qint64 rowCount() const { return m_rows; }

    // Ends the COPY and waits for the server's verdict. True when every row was stored.
    // Calling it again returns the same verdict.
    bool finish(QString *error = nullptr);

    // The text-format encoding of one field (UTF-8; \ tab newline CR escaped; null → \N).
    static QByteArray escapeField(const QString &field);

private:
    void appendEscaped(const QString &field);
    bool flush();
    void fail(const QString &message);
    void abort(const char *reason);

    pg_conn *m_conn = nullptr;
    QByteArray m_buffer;
    QString m_error;
    qint64 m_rows = 0;
    bool m_inCopy = false;
};

} // namespace keel
