#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace keel {

struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
};

// Applies the numbered .sql files embedded under :/migrations (db/migrations/NNNN_name.sql), in
// order, each in one transaction, under an advisory lock so that two servers starting together
// do not race. Applied versions and checksums are recorded in schema_migrations; a changed
// checksum of an applied migration is an error, not something to paper over.
class Migrator
{
public:
    static QList<Migration> available();
    // Returns how many migrations were applied; throws DbError.
    static int migrate(QSqlDatabase db, const std::function<void(const Migration &)> &onApply = {});
    // Highest applied version, 0 on an empty database.
    static int schemaVersion(QSqlDatabase db);
};

} // namespace keel
