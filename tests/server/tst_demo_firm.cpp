// The demo firm loader (server/admin/demo_firm) and the COPY helper it uses (server/db/pg_copy).

#include "admin/demo_firm.h"
#include "db/pg_copy.h"
#include "test_database.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <sodium.h>

using namespace keel;

namespace {

QSqlQuery run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    return q;
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q = run(db, sql);
    return q.next() ? q.value(0).toLongLong() : -1;
}

QStringList column(QSqlDatabase &db, const QString &sql)
{
    QStringList out;
    QSqlQuery q = run(db, sql);
    while (q.next()) {
        out << q.value(0).toString();
    }
    return out;
}

// Everything about the users except ids, timestamps and (salted) password hashes.
const QString UserDigestSql = QStringLiteral(
    "SELECT concat_ws('|', u.username, u.display_name, u.email, e.code, p.code, u.active, "
    "  (SELECT string_agg(r.role || ':' || coalesce(re.code, '*'), ',' "
    "                     ORDER BY r.role, re.code) "
    "   FROM user_roles r LEFT JOIN legal_entities re ON re.id = r.legal_entity_id "
    "   WHERE r.user_id = u.id)) "
    "FROM users u JOIN legal_entities e ON e.id = u.legal_entity_id "
    "LEFT JOIN practices p ON p.id = u.practice_id ORDER BY u.id");

QByteArray userDigest(QSqlDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &row : column(db, UserDigestSql)) {
        hash.addData(row.toUtf8());
        hash.addData("\n");
    }
    return hash.result().toHex();
}

} // namespace

class TestDemoFirm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsTheFirm();
    void fixedAccountsAndGrants();
    void generatedEmployees();
    void deterministic();
    void secondLoadRefusedWithoutPartialWrite();
    void rejectsBadScale();
    void copyEscapesRoundTrip();
    void copyReportsErrors();
    void copyEscapeFieldBytes();

private:
    DemoLoadResult load(QSqlDatabase &db, int scale = 1, QList<int> *percents = nullptr)
    {
        return loadDemoFirm(db, scale, [percents](int percent, const QString &) {
            if (percents != nullptr) {
                percents->append(percent);
            }
        });
    }
};

void TestDemoFirm::initTestCase()
{
    QVERIFY(sodium_init() >= 0);
}

void TestDemoFirm::loadsTheFirm()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    QVERIFY(db.isOpen());

    QList<int> percents;
    const DemoLoadResult r = load(db, 1, &percents);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.employees, 609);

    QCOMPARE(column(db, "SELECT code || ' ' || name || ' ' || country || ' ' || "
                        "functional_currency FROM legal_entities ORDER BY id"),
             QStringList({"US Keel Consulting Inc. US USD", "UK Keel Consulting Ltd GB GBP",
                          "DE Keel Consulting GmbH DE EUR"}));
    QCOMPARE(column(db, "SELECT code FROM practices ORDER BY id"),
             QStringList({"CLOUD", "DATA", "APPS", "ADVISORY"}));
    QCOMPARE(scalar(db, "SELECT count(*) FROM users"), 609);
    QCOMPARE(scalar(db, "SELECT count(*) FROM users WHERE password_hash IS NULL"), 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM users u WHERE NOT EXISTS "
                        "(SELECT 1 FROM user_roles r WHERE r.user_id = u.id)"),
             0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'demo_firm.load'"), 1);

    // Progress runs forward from 0 to 100.
    QVERIFY(!percents.isEmpty());
    QCOMPARE(percents.first(), 0);
    QCOMPARE(percents.last(), 100);
    for (qsizetype i = 1; i < percents.size(); ++i) {
        QVERIFY(percents[i] >= percents[i - 1]);
    }
}

void TestDemoFirm::fixedAccountsAndGrants()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    // username → its grants (role:entity, * for all entities)
    const QList<QPair<QString, QString>> expected = {
        {"admin", "admin:*"},
        {"ceo", "executive:*"},
        {"controller", "controller:*"},
        {"finance", "finance:UK"},
        {"sales", "sales:US"},
        {"salesdir", "sales_director:*"},
        {"pm", "consultant:UK,project_manager:UK"},
        {"rm", "resource_manager:*"},
        {"consultant", "consultant:UK"},
    };
    for (const auto &[username, grants] : expected) {
        QSqlQuery q(db);
        q.prepare("SELECT (SELECT string_agg(r.role || ':' || coalesce(e.code, '*'), ',' "
                  "                          ORDER BY r.role) "
                  "        FROM user_roles r LEFT JOIN legal_entities e "
                  "        ON e.id = r.legal_entity_id WHERE r.user_id = u.id), "
                  "       u.password_hash, u.active "
                  "FROM users u WHERE u.username = ?");
        q.addBindValue(username);
        QVERIFY(q.exec());
        QVERIFY2(q.next(), qPrintable(username));
        QCOMPARE(q.value(0).toString(), grants);
        QVERIFY(q.value(2).toBool());
        const QByteArray hash = q.value(1).toString().toLatin1();
        QVERIFY(hash.startsWith("$argon2id$"));
        QCOMPARE(crypto_pwhash_str_verify(hash.constData(), "demo", 4), 0);
        QVERIFY(crypto_pwhash_str_verify(hash.constData(), "Demo", 4) != 0);
    }
    // The fixed accounts each have their own (salted) hash.
    QCOMPARE(scalar(db, "SELECT count(DISTINCT password_hash) FROM users WHERE username IN "
                        "('admin','ceo','controller','finance','sales','salesdir','pm','rm',"
                        "'consultant')"),
             9);
}

void TestDemoFirm::generatedEmployees()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    const DemoLoadResult r = load(db);
    QVERIFY2(r.ok, qPrintable(r.error));

    const QString generated =
        QStringLiteral(" FROM users u JOIN legal_entities e ON e.id = u.legal_entity_id "
                       "WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$'");
    QCOMPARE(scalar(db, "SELECT count(*)" + generated), 600);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated + " AND e.code = 'US'"), 300);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated + " AND e.code = 'UK'"), 150);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated + " AND e.code = 'DE'"), 150);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT lower(u.username))" + generated), 600);
    QCOMPARE(scalar(db, "SELECT count(*)" + generated +
                            " AND u.email = u.username || "
                            "'@keel.example'"),
             600);
    // The generated employees share one hash of "demo" (demo data; see demo_firm.cpp).
    QCOMPARE(scalar(db, "SELECT count(DISTINCT u.password_hash)" + generated), 1);
    // Every practice has people.
    QCOMPARE(scalar(db, "SELECT count(DISTINCT u.practice_id)" + generated), 4);

    // Roles: grants are scoped to the employee's own entity.
    const QString grantsOf =
        QStringLiteral("SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id "
                       "WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$' AND r.role = '%1'");
    QCOMPARE(scalar(db, "SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id "
                        "WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$' "
                        "AND r.legal_entity_id IS DISTINCT FROM u.legal_entity_id"),
             0);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT r.legal_entity_id) FROM user_roles r JOIN users "
                        "u ON u.id = r.user_id WHERE u.username ~ '^[a-z]\\.[a-z]+[0-9]+$' "
                        "AND r.role = 'controller'"),
             3);
    QCOMPARE(scalar(db, grantsOf.arg("controller")), 3);
    const auto roughly = [](qint64 n, int expected) {
        return n >= expected * 7 / 10 && n <= expected * 13 / 10;
    };
    QVERIFY(roughly(scalar(db, grantsOf.arg("project_manager")), 48));
    QVERIFY(roughly(scalar(db, grantsOf.arg("resource_manager")), 12));
    QVERIFY(roughly(scalar(db, grantsOf.arg("sales")), 24));
    QVERIFY(roughly(scalar(db, grantsOf.arg("sales_director")), 6));
    QVERIFY(roughly(scalar(db, grantsOf.arg("finance")), 18));
    // Every project manager is a consultant too; most people are consultants.
    QCOMPARE(scalar(db, "SELECT count(*) FROM user_roles pm WHERE pm.role = 'project_manager' "
                        "AND NOT EXISTS (SELECT 1 FROM user_roles c WHERE c.user_id = "
                        "pm.user_id AND c.role = 'consultant')"),
             0);
    QVERIFY(scalar(db, grantsOf.arg("consultant")) > 450);
    // German names keep their umlauts; usernames are folded to ASCII.
    QVERIFY(scalar(db, "SELECT count(*) FROM users WHERE display_name ~ '[äöüßÄÖÜ]'") > 0);
}

void TestDemoFirm::deterministic()
{
    auto first = test::TestDatabase::create(QStringLiteral("deterministic_a"));
    auto second = test::TestDatabase::create(QStringLiteral("deterministic_b"));
    QSqlDatabase a = first.sql();
    QSqlDatabase b = second.sql();
    QVERIFY2(load(a).ok, "first load");
    QVERIFY2(load(b).ok, "second load");

    const QString usernames = QStringLiteral("SELECT username FROM users ORDER BY id");
    QCOMPARE(column(a, usernames), column(b, usernames));
    QCOMPARE(column(a, UserDigestSql).size(), 609);
    QCOMPARE(userDigest(a), userDigest(b));
}

void TestDemoFirm::secondLoadRefusedWithoutPartialWrite()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    QVERIFY(load(db).ok);

    const QString snapshotSql = QStringLiteral(
        "SELECT (SELECT count(*) FROM legal_entities) || '/' || (SELECT count(*) FROM "
        "practices) || '/' || (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM "
        "user_roles) || '/' || (SELECT count(*) FROM audit_log)");
    const QStringList before = column(db, snapshotSql);
    const QByteArray digestBefore = userDigest(db);

    const DemoLoadResult again = load(db);
    QVERIFY(!again.ok);
    QVERIFY2(again.error.contains("already"), qPrintable(again.error));
    QCOMPARE(again.employees, 0);
    QCOMPARE(column(db, snapshotSql), before);
    QCOMPARE(userDigest(db), digestBefore);
    // The connection is left usable, outside any transaction.
    QCOMPARE(scalar(db, "SELECT 1"), 1);
    QVERIFY(db.transaction());
    QVERIFY(db.rollback());
}

void TestDemoFirm::rejectsBadScale()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    QVERIFY(!load(db, 0).ok);
    QVERIFY(!load(db, -3).ok);
    QCOMPARE(scalar(db, "SELECT count(*) FROM legal_entities"), 0);
}

void TestDemoFirm::copyEscapesRoundTrip()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();
    run(db, "CREATE TEMP TABLE copy_rt (id integer PRIMARY KEY, a text, b text)");

    const QStringList values = {
        QStringLiteral("plain"),
        QStringLiteral("tab\there"),
        QStringLiteral("new\nline"),
        QStringLiteral("carriage\rreturn\r\n"),
        QStringLiteral("back\\slash"),
        QStringLiteral("\\N"),     // the literal text backslash-N, not NULL
        QStringLiteral("\\."),     // the old end-of-data marker as text
        QStringLiteral("\\\t\\n"), // backslash, tab, backslash, n
        QStringLiteral(""),        // empty string, not NULL
        QString(),                 // NULL
        QStringLiteral("Müller € 日本 \U0001F600"),
        QStringLiteral("trailing backslash\\"),
    };
    {
        PgCopy copy(db, QStringLiteral("COPY copy_rt (id, a, b) FROM STDIN"));
        QVERIFY2(copy.isOk(), qPrintable(copy.error()));
        for (qsizetype i = 0; i < values.size(); ++i) {
            copy.addRow({QString::number(i), values[i], values[values.size() - 1 - i]});
        }
        QCOMPARE(copy.rowCount(), values.size());
        QString error;
        QVERIFY2(copy.finish(&error), qPrintable(error));
        QVERIFY(copy.finish()); // the same verdict again
    }

    QSqlQuery q = run(db, "SELECT id, a, b, a IS NULL, b IS NULL FROM copy_rt ORDER BY id");
    qsizetype n = 0;
    while (q.next()) {
        const int i = q.value(0).toInt();
        const QString &a = values[i];
        const QString &b = values[values.size() - 1 - i];
        QCOMPARE(q.value(3).toBool(), a.isNull());
        QCOMPARE(q.value(4).toBool(), b.isNull());
        if (!a.isNull()) {
            QCOMPARE(q.value(1).toString(), a);
        }
        if (!b.isNull()) {
            QCOMPARE(q.value(2).toString(), b);
        }
        ++n;
    }
    QCOMPARE(n, values.size());
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_rt WHERE a = ''"), 1);
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_rt WHERE a IS NULL"), 1);

    // Many rows in several chunks.
    run(db, "CREATE TEMP TABLE copy_many (i integer, t text)");
    {
        PgCopy copy(db, QStringLiteral("COPY copy_many FROM STDIN"));
        for (int i = 0; i < 50000; ++i) {
            copy.addRow({QString::number(i), QStringLiteral("row\t%1\\\n").arg(i)});
        }
        QVERIFY(copy.finish());
    }
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_many"), 50000);
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_many WHERE t = E'row\\t' || i || E'\\\\\\n'"),
             50000);
}

void TestDemoFirm::copyReportsErrors()
{
    auto tdb = test::TestDatabase::create(QTest::currentTestFunction());
    QSqlDatabase db = tdb.sql();

    {
        PgCopy copy(db, QStringLiteral("COPY no_such_table FROM STDIN"));
        QVERIFY(!copy.isOk());
        QVERIFY2(copy.error().contains("no_such_table"), qPrintable(copy.error()));
        QString error;
        QVERIFY(!copy.finish(&error));
        QVERIFY(!error.isEmpty());
    }
    QCOMPARE(scalar(db, "SELECT 1"), 1);

    run(db, "CREATE TEMP TABLE copy_err (i integer PRIMARY KEY)");
    {
        PgCopy copy(db, QStringLiteral("COPY copy_err FROM STDIN"));
        copy.addRow({"1"});
        copy.addRow({"1"}); // duplicate key
        QString error;
        QVERIFY(!copy.finish(&error));
        QVERIFY2(error.contains("duplicate"), qPrintable(error));
    }
    {
        PgCopy copy(db, QStringLiteral("COPY copy_err FROM STDIN"));
        copy.addRow({"not a number"});
        QVERIFY(!copy.finish());
    }
    {
        // Destroyed without finish(): the COPY is aborted, nothing is stored.
        PgCopy copy(db, QStringLiteral("COPY copy_err FROM STDIN"));
        copy.addRow({"7"});
    }
    QCOMPARE(scalar(db, "SELECT count(*) FROM copy_err"), 0);

    // Not a PostgreSQL connection.
    QSqlDatabase sqlite = QSqlDatabase::addDatabase("QSQLITE", "tst_demo_firm_sqlite");
    sqlite.setDatabaseName(":memory:");
    QVERIFY(sqlite.open());
    {
        PgCopy copy(sqlite, QStringLiteral("COPY t FROM STDIN"));
        QVERIFY(!copy.isOk());
        QVERIFY(!copy.finish());
    }
    sqlite.close();
}

void TestDemoFirm::copyEscapeFieldBytes()
{
    QCOMPARE(PgCopy::escapeField(QString()), QByteArray("\\N"));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("")), QByteArray(""));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("a\tb\nc\rd\\e")),
             QByteArray("a\\tb\\nc\\rd\\\\e"));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("\\N")), QByteArray("\\\\N"));
    QCOMPARE(PgCopy::escapeField(QStringLiteral("ü")), QByteArray("\xc3\xbc"));
}

QTEST_GUILESS_MAIN(TestDemoFirm)
#include "tst_demo_firm.moc"
