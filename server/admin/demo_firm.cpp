#include "demo_firm.h"

#include "ledger/ledger_service.h"

#include "../db/pg_copy.h"
#include "db/database.h"
#include "demo_analytics.h"
#include "demo_billing.h"
#include "demo_close.h"
#include "demo_delivery.h"
#include "demo_expenses.h"
#include "demo_insights.h"
#include "demo_invoice_errors.h"
#include "demo_names.h"
#include "demo_people.h"
#include "demo_sales.h"
#include "demo_time.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace keel {

namespace {

using namespace keel::demo;

struct EntitySpec
{
    const char *code;
    const char *name;
    const char *country;
    const char *currency;
    // What its invoices print (0020): registered address, tax id, registration, bank details.
    const char *address;
    const char *taxId;
    const char *registration;
    const char *bankDetails;
};

constexpr std::array<EntitySpec, 3> Entities = {{
    {"US", "Keel Consulting Inc.", "US", "USD",
     "1000 N. West Street, Suite 1200\nWilmington, DE 19801\nUnited States", "84-2917365",
     "A Delaware corporation, file no. 7214863",
     "JPMorgan Chase Bank, N.A., New York\nAccount 483920117 · ABA routing 021000021\n"
     "SWIFT CHASUS33"},
    {"UK", "Keel Consulting Ltd", "GB", "GBP",
     "30 Finsbury Square\nLondon EC2A 1AG\nUnited Kingdom", "GB 287 4512 63",
     "Registered in England and Wales, company no. 11872634. Registered office as above.",
     "Barclays Bank UK PLC, London\nSort code 20-00-00 · Account 73918264\n"
     "IBAN GB33 BARC 2000 0073 9182 64 · BIC BARCGB22"},
    {"DE", "Keel Consulting GmbH", "DE", "EUR", "Friedrichstraße 68\n10117 Berlin\nGermany",
     "DE318456279", "Amtsgericht Charlottenburg, HRB 214587 B · Geschäftsführerin: Catherine Hale",
     "Deutsche Bank AG, Berlin\nIBAN DE27 1007 0000 0318 4562 79 · BIC DEUTDEBBXXX"},
}};

struct PracticeSpec
{
    const char *code;
    const char *name;
    std::uint32_t weight; // share of delivery staff, percent
};

constexpr std::array<PracticeSpec, 4> Practices = {{
    {"CLOUD", "Cloud & Infrastructure", 30},
    {"DATA", "Data & AI", 25},
    {"APPS", "Application Engineering", 30},
    {"ADVISORY", "Digital Advisory", 15},
}};

struct Grant
{
    const char *role;
    const char *entity; // nullptr: all legal entities
};

struct FixedAccount
{
    const char *username;
    const char *displayName;
    const char *entity;
    const char *practice; // nullptr: none
    std::vector<Grant> grants;
};

// The accounts the README and the user stories name. Password "demo" for all.
const std::vector<FixedAccount> &fixedAccounts()
{
    static const std::vector<FixedAccount> accounts = {
        {"admin", "Keel Administrator", "US", nullptr, {{"admin", nullptr}}},
        {"ceo", "Catherine Hale", "US", nullptr, {{"executive", nullptr}}},
        {"controller", "Daniel Okafor", "US", nullptr, {{"controller", nullptr}}},
        {"finance", "Priya Shah", "UK", nullptr, {{"finance", "UK"}}},
        {"sales", "Jordan Miles", "US", nullptr, {{"sales", "US"}}},
        {"salesdir", "Rebecca Stone", "US", nullptr, {{"sales_director", nullptr}}},
        {"pm", "Oliver Bennett", "UK", "CLOUD", {{"project_manager", "UK"}, {"consultant", "UK"}}},
        {"rm", "Hannah Weber", "UK", nullptr, {{"resource_manager", nullptr}}},
        {"consultant", "Sam Taylor", "UK", "CLOUD", {{"consultant", "UK"}}},
    };
    return accounts;
}

enum class Job
{
    Consultant,
    ProjectManager,
    ResourceManager,
    Sales,
    SalesDirector,
    Finance,
    Controller
};

// KEEL_DEMO_BILLING=0 leaves the billing and cash history out (see demo_firm.h).
bool withBillingHistory()
{
    return qEnvironmentVariable("KEEL_DEMO_BILLING") != QLatin1String("0");
}

// Rounded share of n in permille, at least `minimum`.
int share(int n, int permille, int minimum)
{
    return std::max(minimum, (n * permille + 500) / 1000);
}

// The jobs of an entity's n employees, in a deterministic random order.
std::vector<Job> jobPlan(int n, SplitMix64 &rng)
{
    std::vector<Job> plan;
    plan.reserve(std::size_t(n));
    const auto add = [&plan](Job job, int count) {
        plan.insert(plan.end(), std::size_t(count), job);
    };
    add(Job::Controller, 1);
    add(Job::Finance, share(n, 30, 1));
    add(Job::ProjectManager, share(n, 80, 1));
    add(Job::ResourceManager, share(n, 20, 1));
    add(Job::Sales, share(n, 40, 1));
    add(Job::SalesDirector, share(n, 10, 1));
    if (int(plan.size()) < n) {
        add(Job::Consultant, n - int(plan.size()));
    }
    plan.resize(std::size_t(n)); // a tiny entity keeps the first jobs only
    rng.shuffle(plan);
    return plan;
}

// Employee i works for: 0, 2 → US; 1 → UK; 3 → DE (50 / 25 / 25 %).
int entityOf(int i)
{
    static constexpr std::array<int, 4> pattern = {0, 1, 0, 2};
    return pattern[std::size_t(i % 4)];
}

QString demoPasswordHash(const QByteArray &password, QString *error)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.constData(), std::size_t(password.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        *error = QStringLiteral("password hashing failed (out of memory?)");
        return {};
    }
    return QString::fromLatin1(out);
}

// Hashes of "demo", each with its own salt. One Argon2id hash at the interactive limits costs
// about 65 ms and 64 MiB, so a few run at once (at most 4: 256 MiB).
QStringList demoPasswordHashes(int count, QString *error)
{
    std::vector<QString> hashes(static_cast<std::size_t>(count));
    std::vector<QString> errors(static_cast<std::size_t>(count));
    std::atomic<int> next{0};
    const auto work = [&] {
        for (int i = next++; i < count; i = next++) {
            hashes[std::size_t(i)] =
                demoPasswordHash(QByteArrayLiteral("demo"), &errors[std::size_t(i)]);
        }
    };
    const int workers = std::min(count, std::clamp(int(std::thread::hardware_concurrency()), 1, 4));
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w) {
        threads.emplace_back(work);
    }
    work();
    for (std::thread &t : threads) {
        t.join();
    }
    QStringList out;
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        if (!errors[i].isEmpty()) {
            *error = errors[i];
            return {};
        }
        out << hashes[i];
    }
    return out;
}

class Loader
{
public:
    Loader(QSqlDatabase &db, int scale, const std::function<void(int, const QString &)> &progress)
        : m_db(db), m_scale(scale), m_progress(progress)
    {}

    DemoLoadResult run()
    {
        DemoLoadResult result;
        if (m_scale < 1 || m_scale > 1000) {
            result.error = QStringLiteral("scale must be between 1 and 1000, got %1").arg(m_scale);
            return result;
        }
        if (!m_db.isOpen()) {
            result.error = QStringLiteral("database is not open");
            return result;
        }
        if (sodium_init() < 0) {
            result.error = QStringLiteral("libsodium could not be initialised");
            return result;
        }
        // The billing history runs the product's services in-process, and they work on the
        // calling thread's connection to the database (db::connection): the whole load runs on
        // that connection, in a db::Transaction, so theirs become savepoints of it.
        m_config.host = m_db.hostName();
        m_config.port = m_db.port() > 0 ? m_db.port() : 5432;
        m_config.database = m_db.databaseName();
        m_config.user = m_db.userName();
        m_config.password = m_db.password();
        try {
            m_db = db::connection(m_config);
            db::Transaction tx(m_db);
            if (!load()) {
                result.error = m_error;
                return result;
            }
            report(97, QStringLiteral("Committing"));
            tx.commit();
        } catch (const DbError &e) {
            result.error = QStringLiteral("%1: %2").arg(m_step, QString::fromUtf8(e.what()));
            return result;
        }
        report(100, QStringLiteral("Done"));
        result.ok = true;
        result.employees = m_userCount;
        return result;
    }

private:
    void report(int percent, const QString &step)
    {
        if (m_progress) {
            m_progress(percent, step);
        }
    }

    // Statements without arguments run unprepared (DDL and ANALYZE cannot be prepared).
    bool exec(QSqlQuery &q, const QString &sql, const QVariantList &args = {})
    {
        if (args.isEmpty()) {
            return q.exec(sql) || sqlFailed(q, sql);
        }
        if (!q.prepare(sql)) {
            return sqlFailed(q, sql);
        }
        for (const QVariant &a : args) {
            q.addBindValue(a);
        }
        if (!q.exec()) {
            return sqlFailed(q, sql);
        }
        return true;
    }

    bool sqlFailed(const QSqlQuery &q, const QString &sql)
    {
        m_error = QStringLiteral("%1: %2 [%3]")
                      .arg(m_step, q.lastError().text(), sql.simplified().left(120));
        return false;
    }

    bool step(int percent, const QString &name)
    {
        m_step = name;
        report(percent, name);
        return true;
    }

    bool load()
    {
        QSqlQuery q(m_db);

        // Only into an empty database; the advisory lock keeps two loaders from racing.
        step(0, QStringLiteral("Checking database"));
        if (!exec(q, QStringLiteral("SELECT pg_advisory_xact_lock(7411002)")) ||
            !exec(q, QStringLiteral("SELECT count(*) FROM legal_entities"))) {
            return false;
        }
        q.next();
        if (const qint64 existing = q.value(0).toLongLong(); existing > 0) {
            m_error = QStringLiteral("the database already holds %1 legal entities; the demo "
                                     "firm loads only into a new, empty database")
                          .arg(existing);
            return false;
        }

        // Fixed accounts get their own hashes. The generated employees share ONE hash of
        // "demo": 600 × scale Argon2id hashes at the interactive limits would take ~40 s per
        // unit of scale, and this is demo data whose password is public anyway.
        step(3, QStringLiteral("Hashing demo passwords"));
        const int fixedCount = int(fixedAccounts().size());
        QString hashError;
        const QStringList hashes = demoPasswordHashes(1 + fixedCount, &hashError);
        if (!hashError.isEmpty()) {
            m_error = hashError;
            return false;
        }
        const QString sharedHash = hashes.first();
        const QStringList fixedHashes = hashes.mid(1);

        step(10, QStringLiteral("Legal entities and practices"));
        QHash<QString, QString> entityIds;
        QHash<QString, QString> practiceIds;
        for (const EntitySpec &e : Entities) {
            if (!exec(q,
                      QStringLiteral("INSERT INTO legal_entities (code, name, country, "
                                     "functional_currency, address, tax_id, registration, "
                                     "bank_details) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                      {QString::fromLatin1(e.code), QString::fromUtf8(e.name),
                       QString::fromLatin1(e.country), QString::fromLatin1(e.currency),
                       QString::fromUtf8(e.address), QString::fromUtf8(e.taxId),
                       QString::fromUtf8(e.registration), QString::fromUtf8(e.bankDetails)})) {
                return false;
            }
            q.next();
            entityIds.insert(QString::fromLatin1(e.code), q.value(0).toString());
        }
        for (const PracticeSpec &p : Practices) {
            if (!exec(
                    q,
                    QStringLiteral("INSERT INTO practices (code, name) VALUES (?, ?) RETURNING id"),
                    {QString::fromLatin1(p.code), QString::fromUtf8(p.name)})) {
                return false;
            }
            q.next();
            practiceIds.insert(QString::fromLatin1(p.code), q.value(0).toString());
        }
        // Each entity's chart from its country's template and the monthly periods of the demo's
        // two years of history and the current year (server/ledger).
        for (const EntitySpec &e : Entities) {
            const int year = QDate::currentDate().year();
            if (!exec(q,
                      QStringLiteral("SELECT keel_ledger_create_chart(?, ?), "
                                     "keel_ledger_ensure_periods(?, ?, ?)"),
                      {entityIds.value(QString::fromLatin1(e.code)).toLongLong(),
                       LedgerService::templateForCountry(QString::fromLatin1(e.country)),
                       entityIds.value(QString::fromLatin1(e.code)).toLongLong(),
                       QDate(year - 2, 1, 1), QDate(year, 12, 31)})) {
                return false;
            }
        }
        q.finish();

        step(12, QStringLiteral("Generating employees"));
        const auto idOrNull = [](const QHash<QString, QString> &ids, const char *code) {
            return code == nullptr ? QString() : ids.value(QString::fromLatin1(code));
        };
        QList<QStringList> users;  // username, display_name, email, hash, entity, practice
        QList<QStringList> grants; // ord, username, role, entity code (null: all)
        const auto grant = [&grants](const QString &username, const char *role,
                                     const QString &entityCode) {
            grants.append(
                {QString::number(grants.size()), username, QString::fromLatin1(role), entityCode});
        };

        for (std::size_t i = 0; i < fixedAccounts().size(); ++i) {
            const FixedAccount &a = fixedAccounts()[i];
            const QString username = QString::fromLatin1(a.username);
            users.append({username, QString::fromUtf8(a.displayName),
                          username + QStringLiteral("@keel.example"), fixedHashes.at(qsizetype(i)),
                          idOrNull(entityIds, a.entity), idOrNull(practiceIds, a.practice)});
            for (const Grant &g : a.grants) {
                grant(username, g.role,
                      g.entity == nullptr ? QString() : QString::fromLatin1(g.entity));
            }
        }

        SplitMix64 rng(DemoSeed);
        const int n = DemoEmployeesPerScale * m_scale;
        std::array<int, Entities.size()> perEntity{};
        for (int i = 0; i < n; ++i) {
            ++perEntity[std::size_t(entityOf(i))];
        }
        std::array<std::vector<Job>, Entities.size()> plans;
        std::array<std::size_t, Entities.size()> planPos{};
        for (std::size_t e = 0; e < Entities.size(); ++e) {
            plans[e] = jobPlan(perEntity[e], rng);
        }
        std::uint32_t practiceWeightSum = 0;
        for (const PracticeSpec &p : Practices) {
            practiceWeightSum += p.weight;
        }

        for (int i = 0; i < n; ++i) {
            const std::size_t e = std::size_t(entityOf(i));
            const EntitySpec &entity = Entities[e];
            const bool german = e == 2;
            const QString first =
                QString::fromUtf8(german ? GermanFirstNames[rng.below(GermanFirstNames.size())]
                                         : EnglishFirstNames[rng.below(EnglishFirstNames.size())]);
            const QString last =
                QString::fromUtf8(german ? GermanLastNames[rng.below(GermanLastNames.size())]
                                         : EnglishLastNames[rng.below(EnglishLastNames.size())]);
            // The running number makes every username unique: "j.smith42".
            const QString username = (asciiFold(first.left(1)) + QLatin1Char('.') +
                                      asciiFold(last) + QString::number(i + 1))
                                         .toLower();
            const Job job = plans[e][planPos[e]++];

            QString practice;
            if (job != Job::Finance && job != Job::Controller) {
                std::uint32_t pick = rng.below(practiceWeightSum);
                for (const PracticeSpec &p : Practices) {
                    if (pick < p.weight) {
                        practice = practiceIds.value(QString::fromLatin1(p.code));
                        break;
                    }
                    pick -= p.weight;
                }
            }

            const QString entityCode = QString::fromLatin1(entity.code);
            users.append({username, first + QLatin1Char(' ') + last,
                          username + QStringLiteral("@keel.example"), sharedHash,
                          entityIds.value(entityCode), practice});
            switch (job) {
            case Job::Consultant:
                grant(username, "consultant", entityCode);
                break;
            case Job::ProjectManager:
                grant(username, "project_manager", entityCode);
                grant(username, "consultant", entityCode);
                break;
            case Job::ResourceManager:
                grant(username, "resource_manager", entityCode);
                break;
            case Job::Sales:
                grant(username, "sales", entityCode);
                break;
            case Job::SalesDirector:
                grant(username, "sales_director", entityCode);
                break;
            case Job::Finance:
                grant(username, "finance", entityCode);
                break;
            case Job::Controller:
                grant(username, "controller", entityCode);
                break;
            }
        }

        step(15, QStringLiteral("Loading users"));
        {
            PgCopy copy(m_db, QStringLiteral("COPY users (username, display_name, email, "
                                             "password_hash, legal_entity_id, practice_id) "
                                             "FROM STDIN"));
            for (const QStringList &row : std::as_const(users)) {
                copy.addRow(row);
            }
            if (QString error; !copy.finish(&error)) {
                m_error = QStringLiteral("%1: %2").arg(m_step, error);
                return false;
            }
        }
        m_userCount = int(users.size());

        step(20, QStringLiteral("Granting roles"));
        if (!exec(q, QStringLiteral("CREATE TEMP TABLE demo_grants (ord integer, username text, "
                                    "role text, entity_code text) ON COMMIT DROP"))) {
            return false;
        }
        {
            PgCopy copy(
                m_db,
                QStringLiteral("COPY demo_grants (ord, username, role, entity_code) FROM STDIN"));
            for (const QStringList &row : std::as_const(grants)) {
                copy.addRow(row);
            }
            if (QString error; !copy.finish(&error)) {
                m_error = QStringLiteral("%1: %2").arg(m_step, error);
                return false;
            }
        }
        if (!exec(q, QStringLiteral(
                         "INSERT INTO user_roles (user_id, role, legal_entity_id, granted_by) "
                         "SELECT u.id, g.role, e.id, "
                         "       (SELECT id FROM users WHERE username = 'admin') "
                         "FROM demo_grants g "
                         "JOIN users u ON u.username = g.username "
                         "LEFT JOIN legal_entities e ON e.code = g.entity_code "
                         "ORDER BY g.ord"))) {
            return false;
        }
        if (q.numRowsAffected() != grants.size()) {
            m_error = QStringLiteral("%1: %2 of %3 grants stored")
                          .arg(m_step)
                          .arg(q.numRowsAffected())
                          .arg(grants.size());
            return false;
        }

        // The sales history: catalogue, rate cards, clients, pipeline, quotes, contracts and
        // the projects they handed over (demo_sales.cpp), in this same transaction.
        DemoSalesCounts sales;
        if (QString error; !loadDemoSales(m_db, m_scale, 25, 88, m_progress, &sales, &error)) {
            m_error = error;
            return false;
        }

        // The people: employee records, cost rates, skills, holidays, leave and the staffing
        // of the handed-over projects (demo_people.cpp), in this same transaction.
        step(88, QStringLiteral("Loading people and assignments"));
        DemoPeopleCounts people;
        if (QString error; !loadDemoPeople(m_db, &people, &error)) {
            m_error = error;
            return false;
        }

        // The delivery records of those projects: phases, tasks with actuals and estimates,
        // status reports and change requests (demo_delivery.cpp), in this same transaction.
        step(89, QStringLiteral("Loading tasks, change requests and status reports"));
        if (QString error; !loadDemoDelivery(m_db, nullptr, &error)) {
            m_error = error;
            return false;
        }

        // Two years of time on those tasks, approved up to last week (demo_time.cpp).
        step(89, QStringLiteral("Loading time entries"));
        if (QString error; !loadDemoTime(m_db, nullptr, &error)) {
            m_error = error;
            return false;
        }
        // Exchange rates, expenses with receipts and reports, subcontractors and their bills
        // (demo_expenses.cpp).
        if (QString error; !loadDemoExpenses(m_db, nullptr, &error)) {
            m_error = error;
            return false;
        }

        // Two years of billing and cash through the product's own engines (demo_billing.cpp).
        DemoBillingCounts billing;
        if (withBillingHistory()) {
            step(90, QStringLiteral("Billing, receipts and payments"));
            if (QString error; !loadDemoBilling(m_config, &billing, &error, m_progress)) {
                m_error = error;
                return false;
            }
        }
        // The months of that history closed, the last two left open (demo_close.cpp).
        DemoCloseCounts close;
        if (withBillingHistory() && qEnvironmentVariable("KEEL_DEMO_CLOSE") != QLatin1String("0")) {
            step(95, QStringLiteral("Closing months"));
            if (QString error; !loadDemoClose(m_config, &close, &error, m_progress)) {
                m_error = error;
                return false;
            }
        }

        // Last month billed into drafts for the billing review, some planted wrong
        // (demo_invoice_errors.cpp): the invoice anomaly model's truth.
        DemoInvoiceErrorCounts invoiceErrors;
        if (withBillingHistory()) {
            step(95, QStringLiteral("Last month's drafts"));
            if (QString error; !loadDemoInvoiceErrors(m_config, &invoiceErrors, &error)) {
                m_error = error;
                return false;
            }
        }

        // The dashboards' aggregates exact from the start, the open months' forecast snapshots.
        step(96, QStringLiteral("Building the dashboards' aggregates"));
        DemoAnalyticsCounts analytics;
        if (QString error; !loadDemoAnalytics(m_db, &analytics, &error)) {
            m_error = error;
            return false;
        }

        // Last: every insights model trained on the finished history (a model that fails is
        // reported, the load goes on). Left out without the billing history (a partial firm for
        // the earlier parts' suites, which load it many times and read no model) and with
        // KEEL_DEMO_INSIGHTS=0.
        step(96, QStringLiteral("Training the insights models"));
        DemoInsightsCounts insights;
        if (QString error; withBillingHistory() &&
                           qEnvironmentVariable("KEEL_DEMO_INSIGHTS") != QLatin1String("0") &&
                           !loadDemoInsights(m_db, &insights, &error)) {
            m_error = error;
            return false;
        }

        step(96, QStringLiteral("Recording the load"));
        const QJsonObject after{{QStringLiteral("scale"), m_scale},
                                {QStringLiteral("users"), m_userCount},
                                {QStringLiteral("grants"), int(grants.size())},
                                {QStringLiteral("accounts"), sales.accounts},
                                {QStringLiteral("opportunities"), sales.opportunities},
                                {QStringLiteral("quotes"), sales.quotes},
                                {QStringLiteral("contracts"), sales.contracts},
                                {QStringLiteral("change_orders"), sales.changeOrders},
                                {QStringLiteral("projects"), sales.projects},
                                {QStringLiteral("employees"), people.employees},
                                {QStringLiteral("assignments"), people.assignments},
                                {QStringLiteral("invoices"), billing.invoices},
                                {QStringLiteral("credit_notes"), billing.creditNotes},
                                {QStringLiteral("receipts"), billing.receipts},
                                {QStringLiteral("vendor_payments"), billing.vendorPayments},
                                {QStringLiteral("closed_periods"), close.periodsClosed},
                                {QStringLiteral("analytics_ms"), analytics.milliseconds},
                                {QStringLiteral("snapshots_ms"), analytics.snapshotMilliseconds},
                                {QStringLiteral("insights_trained"), insights.trained},
                                {QStringLiteral("insights_failed"), int(insights.failed.size())},
                                {QStringLiteral("insights_ms"), insights.milliseconds}};
        if (!exec(q,
                  QStringLiteral("INSERT INTO audit_log (actor_name, action, record_type, "
                                 "record_id, after) VALUES ('keel-admin', 'demo_firm.load', "
                                 "'demo_firm', ?, ?::jsonb)"),
                  {QStringLiteral("scale-%1").arg(m_scale),
                   QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact))})) {
            return false;
        }

        // Fresh statistics so the first queries on the demo firm get sensible plans.
        step(96, QStringLiteral("Analysing tables"));
        return exec(q, QStringLiteral("ANALYZE legal_entities, practices, users, user_roles"));
    }

    QSqlDatabase m_db;
    DbConfig m_config;
    int m_scale;
    const std::function<void(int, const QString &)> &m_progress;
    QString m_step;
    QString m_error;
    int m_userCount = 0;
};

} // namespace

DemoLoadResult loadDemoFirm(QSqlDatabase &db, int scale,
                            const std::function<void(int percent, const QString &step)> &progress)
{
    return Loader(db, scale, progress).run();
}

} // namespace keel
