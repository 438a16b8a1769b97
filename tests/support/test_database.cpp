#include "test_database.h"

#include "db/migrator.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

#include <stdexcept>

namespace keel::test {

namespace {
const QString kTemplate = QStringLiteral("keel_template");

QSqlDatabase admin()
{
    const QString name = QStringLiteral("keel-test-admin");
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name);
        if (db.isOpen())
            return db;
        QSqlDatabase::removeDatabase(name);
    }
    return db::open(clusterConfig(QStringLiteral("postgres")), name);
}

QString databaseName(const QString &testName)
{
    QString base = testName.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    return QStringLiteral("t_%1_%2").arg(base.left(30),
                                         QUuid::createUuid().toString(QUuid::Id128).left(10));
}

// Brings the template up to the latest migration; false when an applied migration changed.
bool migrateTemplate()
{
    const QString name = QStringLiteral("keel-test-template");
    bool ok = true;
    {
        QSqlDatabase t = db::open(clusterConfig(kTemplate), name);
        try {
            Migrator::migrate(t);
        } catch (const DbError &e) {
            if (!e.sqlState().isEmpty())
                throw;
            ok = false;
        }
        t.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Clones are made under an advisory lock: the template is brought up to the latest migration
// (a no-op once it is) with no other session attached, as CREATE DATABASE ... TEMPLATE needs.
void cloneTemplate(const QString &clone)
{
    QSqlDatabase a = admin();
    db::exec(a, QStringLiteral("SELECT pg_advisory_lock(7411999)"));
    struct Unlock
    {
        QSqlDatabase db;
        ~Unlock() { QSqlQuery(db).exec(QStringLiteral("SELECT pg_advisory_unlock(7411999)")); }
    } unlock{a};
    QSqlQuery q =
        db::query(a, QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"), {kTemplate});
    if (!q.next())
        db::exec(a, QStringLiteral("CREATE DATABASE %1").arg(kTemplate));
    if (!migrateTemplate()) {
        // A migration was edited after this template applied it (only while developing it):
        // the template follows the source tree, so it is rebuilt from scratch.
        db::exec(a, QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(kTemplate));
        db::exec(a, QStringLiteral("CREATE DATABASE %1").arg(kTemplate));
        if (!migrateTemplate())
            throw std::runtime_error("the migrations do not apply to an empty database");
    }
    db::exec(a, QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(clone, kTemplate));
}
} // namespace

DbConfig clusterConfig(const QString &database)
{
    const QByteArray host = qgetenv("KEEL_TEST_PGHOST");
    if (host.isEmpty())
        throw std::runtime_error("KEEL_TEST_PGHOST is not set: run the tests with ./dev test, "
                                 "which starts their PostgreSQL cluster");
    DbConfig c;
    c.host = QString::fromLocal8Bit(host);
    c.port = qEnvironmentVariableIntValue("KEEL_TEST_PGPORT");
    if (c.port == 0)
        c.port = 5432;
    c.user = QStringLiteral("postgres");
    c.database = database;
    return c;
}

TestDatabase TestDatabase::create(const QString &testName)
{
    const QString name = databaseName(testName);
    cloneTemplate(name);
    return TestDatabase(clusterConfig(name));
}

TestDatabase TestDatabase::createEmpty(const QString &testName)
{
    const QString name = databaseName(testName);
    db::exec(admin(), QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(name));
    return TestDatabase(clusterConfig(name));
}

TestDatabase::TestDatabase(TestDatabase &&other) noexcept
    : m_config(other.m_config), m_owned(other.m_owned)
{
    other.m_owned = false;
}

TestDatabase::~TestDatabase()
{
    if (!m_owned)
        return;
    db::forget(m_config);
    const QString name = QStringLiteral("keel-test-") + m_config.database;
    if (QSqlDatabase::contains(name))
        QSqlDatabase::removeDatabase(name);
    try {
        db::exec(admin(),
                 QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_config.database));
    } catch (const DbError &e) {
        qWarning("could not drop test database %s: %s", qPrintable(m_config.database), e.what());
    }
}

QSqlDatabase TestDatabase::sql() const
{
    return db::connection(m_config);
}

} // namespace keel::test
