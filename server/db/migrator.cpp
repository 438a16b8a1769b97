#include "migrator.h"

#include "database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSqlQuery>

namespace keel {

namespace {
constexpr qint64 kMigrationLock = 7411000;

QString checksum(const QByteArray &sql)
{
    return QString::fromLatin1(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex());
}
} // namespace

QList<Migration> Migrator::available()
{
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/migrations"));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const int underscore = file.indexOf(u'_');
        list.append(
            {file.left(underscore).toInt(), file.mid(underscore + 1).chopped(4), f.readAll()});
    }
    return list;
}

int Migrator::migrate(QSqlDatabase db, const std::function<void(const Migration &)> &onApply)
{
    db::exec(db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLock));
    struct Unlock
    {
        QSqlDatabase db;
        ~Unlock()
        {
            QSqlQuery(db).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLock));
        }
    } unlock{db};

    db::exec(db, QStringLiteral("SET client_min_messages = warning"));
    db::exec(db, QStringLiteral(
                     "CREATE TABLE IF NOT EXISTS schema_migrations ("
                     " version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
                     " applied_at timestamptz NOT NULL DEFAULT now())"));
    QHash<int, QString> applied;
    QSqlQuery q = db::exec(db, QStringLiteral("SELECT version, checksum FROM schema_migrations"));
    while (q.next())
        applied.insert(q.value(0).toInt(), q.value(1).toString());

    int count = 0;
    for (const Migration &m : available()) {
        if (applied.contains(m.version)) {
            if (applied.value(m.version) != checksum(m.sql))
                throw DbError(QString(), QStringLiteral("migration %1_%2 was changed after it "
                                                        "was applied")
                                             .arg(m.version, 4, 10, QLatin1Char('0'))
                                             .arg(m.name));
            continue;
        }
        if (onApply)
            onApply(m);
        db::Transaction tx(db);
        db::exec(db, QString::fromUtf8(m.sql));
        db::query(db,
                  QStringLiteral("INSERT INTO schema_migrations (version, name, checksum) "
                                 "VALUES (?, ?, ?)"),
                  {m.version, m.name, checksum(m.sql)});
        tx.commit();
        ++count;
    }
    return count;
}

int Migrator::schemaVersion(QSqlDatabase db)
{
    QSqlQuery q =
        db::exec(db, QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL"));
    if (!q.next() || !q.value(0).toBool())
        return 0;
    q = db::exec(db, QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations"));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace keel
