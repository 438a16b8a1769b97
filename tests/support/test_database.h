#pragma once

#include "db/database.h"

#include <QSqlDatabase>
#include <QString>

namespace keel::test {

// The cluster `./dev test` starts: KEEL_TEST_PGHOST (socket directory) and KEEL_TEST_PGPORT.
DbConfig clusterConfig(const QString &database);

// A database of its own for one test case, cloned from the migrated template `keel_template`
// (which ./dev test creates; created here too when a test runs on its own). Dropped when the
// object goes.
class TestDatabase
{
public:
    static TestDatabase create(const QString &testName);
    // A database with no schema at all, for migration tests.
    static TestDatabase createEmpty(const QString &testName);
    TestDatabase(TestDatabase &&other) noexcept;
    ~TestDatabase();

    const DbConfig &config() const { return m_config; }
    QString url() const { return m_config.toUrl(); }
    // A connection for the test's own checks and fixtures (on the calling thread).
    QSqlDatabase sql() const;

private:
    explicit TestDatabase(DbConfig config) : m_config(std::move(config)) {}
    DbConfig m_config;
    bool m_owned = true;
};

} // namespace keel::test
