#include "demo_expenses.h"

#include "../db/pg_copy.h"
#include "demo_fx.h"
#include "demo_sales.h"
#include "demo_time.h"

#include <QCryptographicHash>
#include <QDate>
#include <QHash>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <vector>

namespace keel {

namespace {

using demo::mulDiv;
using demo::RateScale;
using demo::rateText;
using demo::SplitMix64;

constexpr std::uint64_t ExpenseSeed = demo::DemoSeed ^ 0x45585045ULL; // "EXPE"

QString iso(qint64 julianDay)
{
    return QDate::fromJulianDay(julianDay).toString(Qt::ISODate);
}

// The smallest valid PNG: one white pixel.
QByteArray receiptPng()
{
    return QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
                               "53de0000000c4944415408d763f8ffff3f0005fe02fea7d68c3c000000004945"
                               "4e44ae426082");
}

// A one-page PDF with the receipt's text, its cross-reference table at the right offsets.
QByteArray receiptPdf(const QString &line)
{
    QByteArray text = line.toLatin1();
    text.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    const QByteArray stream = "BT /F1 11 Tf 24 100 Td (" + text + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << "
        "/Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream +
            "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<int> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(int(pdf.size()));
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const int xref = int(pdf.size());
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (int o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

struct Category
{
    const char *code;
    const char *name;
    const char *capKind;
    int capUnits; // whole units of the entity's currency; 0: none
    bool billable;
    int minCents;
    int maxCents;
    std::array<const char *, 3> descriptions;
};

const std::array<Category, 5> Categories = {{
    {"TRAVEL",
     "Travel",
     "per_item",
     600,
     true,
     4000,
     61000,
     {"Train to the client site", "Flight to the client workshop", "Taxi from the airport"}},
    {"MEALS",
     "Meals",
     "per_day",
     60,
     true,
     800,
     6400,
     {"Lunch during the on-site week", "Dinner with the client team", "Working lunch"}},
    {"HOTEL",
     "Hotel",
     "per_item",
     250,
     true,
     9000,
     26000,
     {"Hotel near the client office (1 night)", "Hotel for the steering committee",
      "Hotel during the on-site week"}},
    {"MILEAGE",
     "Mileage",
     "none",
     0,
     true,
     1000,
     12000,
     {"Mileage to the client site", "Mileage to the data centre", "Mileage to the workshop"}},
    {"SOFTWARE",
     "Software",
     "per_item",
     200,
     false,
     1000,
     21000,
     {"Diagramming tool licence (1 month)", "Cloud sandbox credits", "Test data service"}},
}};

constexpr int ReceiptRequiredAbove = 25;

struct Entity
{
    QString id;
    QString code;
    QString currency;
    QString financeUserId;  // the first finance person: decides (the demo "finance" login in UK)
    QString payablesUserId; // the last: enters the vendor bills, which nobody decides on their own
    qint64 firstCategoryId = 0; // categories are consecutive ids in Categories order
};

struct ProjectSpan
{
    QString projectId;
    QString taskId;
    qint64 from = 0;
    qint64 to = 0;
};

struct Person
{
    QString employeeId;
    QString userId;
    QString managerUserId;
    QString username;
    int entity = 0;
    std::vector<ProjectSpan> assignments;
};

class ExpenseLoader
{
public:
    explicit ExpenseLoader(QSqlDatabase &db) : m_db(db), m_rng(ExpenseSeed) {}

    bool run(DemoExpenseCounts *counts, QString *error)
    {
        const bool ok = fxRates() && readEntities() && categories() && readPeople() && expenses() &&
                        subcontractors() &&
                        execAll({QStringLiteral("ANALYZE fx_rates, expense_categories, "
                                                "expenses, expense_reports, expense_receipts, "
                                                "vendors, subcontract_agreements, vendor_bills, "
                                                "vendor_bill_lines")});
        if (!ok) {
            if (error)
                *error = QStringLiteral("Loading expenses: %1").arg(m_error);
            return false;
        }
        if (counts)
            *counts = m_counts;
        return true;
    }

private:
    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }

    bool execAll(const QStringList &statements)
    {
        QSqlQuery q(m_db);
        for (const QString &sql : statements)
            if (!q.exec(sql))
                return fail(QStringLiteral("%1 [%2]").arg(q.lastError().text(),
                                                          sql.simplified().left(120)));
        return true;
    }

    bool select(QSqlQuery &q, const QString &sql)
    {
        return q.exec(sql) || fail(QStringLiteral("%1 [%2]").arg(q.lastError().text(),
                                                                 sql.simplified().left(120)));
    }

    bool finish(PgCopy &copy, int *count = nullptr)
    {
        QString e;
        if (!copy.finish(&e))
            return fail(e);
        if (count)
            *count = int(copy.rowCount());
        return true;
    }

    // The next `n` ids of a table's identity, advanced past them (COPY may set them itself).
    bool reserveIds(const QString &table, qint64 n, qint64 *first)
    {
        QSqlQuery q(m_db);
        if (!select(
                q,
                QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id'))").arg(table)) ||
            !q.next())
            return false;
        *first = q.value(0).toLongLong();
        return n <= 1 || select(q, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', "
                                                  "'id'), %2)")
                                       .arg(table)
                                       .arg(*first + n - 1));
    }

    // Daily rates on weekdays; a walk in steps of at most ±0.3 % that drifts back to its
    // level, so two years stay realistic (demo_fx.h).
    bool fxRates()
    {
        const qint64 today = demoAsOf().toJulianDay();
        qint64 eurUsd = demo::EurUsdLevel;
        qint64 gbpUsd = demo::GbpUsdLevel;
        PgCopy copy(m_db, QStringLiteral("COPY fx_rates (from_currency, to_currency, rate_date, "
                                         "rate, source) FROM STDIN"));
        const QString source = QStringLiteral("demo");
        for (qint64 day = today - 730; day <= today + 14; ++day) {
            if (QDate::fromJulianDay(day).dayOfWeek() > 5)
                continue;
            eurUsd = demo::fxStep(m_rng, eurUsd, demo::EurUsdLevel);
            gbpUsd = demo::fxStep(m_rng, gbpUsd, demo::GbpUsdLevel);
            const QString date = iso(day);
            for (const auto &[pair, rate] : demo::fxDay(eurUsd, gbpUsd)) {
                const QString p = QString::fromLatin1(pair);
                copy.addRow({p.left(3), p.mid(4), date, rateText(rate), source});
                m_rates[p.left(3) + p.mid(4) + date] = rate;
            }
        }
        return finish(copy, &m_counts.fxRates);
    }

    bool readEntities()
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral(
                           "SELECT e.id, e.code, e.functional_currency, coalesce((SELECT "
                           "ur.user_id FROM user_roles ur WHERE ur.role = 'finance' AND "
                           "ur.legal_entity_id = e.id ORDER BY ur.user_id LIMIT 1), (SELECT id "
                           "FROM users WHERE username = 'controller')), coalesce((SELECT "
                           "ur.user_id FROM user_roles ur WHERE ur.role = 'finance' AND "
                           "ur.legal_entity_id = e.id ORDER BY ur.user_id DESC LIMIT 1), (SELECT "
                           "id FROM users WHERE username = 'controller')) FROM legal_entities e "
                           "ORDER BY e.id")))
            return false;
        while (q.next()) {
            m_entityIndex.insert(q.value(0).toString(), int(m_entities.size()));
            m_entities.push_back({q.value(0).toString(), q.value(1).toString(),
                                  q.value(2).toString(), q.value(3).toString(),
                                  q.value(4).toString(), 0});
        }
        return true;
    }

    bool categories()
    {
        qint64 next = 0;
        if (!reserveIds(QStringLiteral("expense_categories"),
                        qint64(m_entities.size() * Categories.size()), &next))
            return false;
        PgCopy copy(m_db, QStringLiteral("COPY expense_categories (id, legal_entity_id, code, "
                                         "name, cap_kind, cap_amount, receipt_required_above, "
                                         "billable_default) FROM STDIN"));
        for (Entity &e : m_entities) {
            e.firstCategoryId = next;
            for (const Category &c : Categories) {
                copy.addRow({QString::number(next++), e.id, QString::fromLatin1(c.code),
                             QString::fromLatin1(c.name), QString::fromLatin1(c.capKind),
                             c.capUnits > 0 ? QString::number(c.capUnits) : QString(),
                             QString::number(ReceiptRequiredAbove),
                             c.billable ? QStringLiteral("t") : QStringLiteral("f")});
            }
        }
        return finish(copy);
    }

    // About a third of the people with time on projects (and always the demo consultant),
    // with the tasks they booked time on.
    bool readPeople()
    {
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral(
                           "SELECT e.id, e.user_id, m.user_id, u.username, e.legal_entity_id FROM "
                           "employees e JOIN users u ON u.id = e.user_id LEFT JOIN employees m "
                           "ON m.id = e.manager_id WHERE (e.id % 3 = 1 OR u.username = "
                           "'consultant') AND EXISTS (SELECT 1 FROM time_entries t WHERE "
                           "t.employee_id = e.id) ORDER BY e.id")))
            return false;
        QHash<QString, int> index;
        while (q.next()) {
            index.insert(q.value(0).toString(), int(m_people.size()));
            m_people.push_back({q.value(0).toString(),
                                q.value(1).toString(),
                                q.value(2).toString(),
                                q.value(3).toString(),
                                m_entityIndex.value(q.value(4).toString()),
                                {}});
        }
        if (!select(q, QStringLiteral("SELECT employee_id, project_id, task_id, min(work_date), "
                                      "max(work_date) FROM time_entries GROUP BY 1, 2, 3 ORDER "
                                      "BY 1, 4, 2, 3")))
            return false;
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toString());
            if (it == index.constEnd())
                continue;
            m_people[std::size_t(*it)].assignments.push_back(
                {q.value(1).toString(), q.value(2).toString(), q.value(3).toDate().toJulianDay(),
                 q.value(4).toDate().toJulianDay()});
        }
        return true;
    }

    bool expenses()
    {
        const QDate asOf = demoAsOf();
        const qint64 today = asOf.toJulianDay();
        const QDate thisMonth(asOf.year(), asOf.month(), 1);
        static constexpr std::array<const char *, 3> Foreign = {"USD", "GBP", "EUR"};

        struct Report
        {
            qint64 id;
            const Person *person;
            QDate month;
            qint64 total = 0;
            bool submittedOnly = false;
        };
        std::vector<Report> reports;
        qint64 firstExpenseReport = 0;
        // Ids are reserved once the number of reports is known; the expenses refer to them by
        // position until then.
        struct Row
        {
            QStringList fields; // report column (index 6) holds the report position or empty
            int report = -1;
        };
        std::vector<Row> rows;
        QList<QStringList> receiptRows; // copied once the expenses are in
        const QByteArray png = receiptPng();

        for (const Person &p : m_people) {
            const Entity &entity = m_entities[std::size_t(p.entity)];
            if (p.assignments.empty())
                continue;
            const bool demoConsultant = p.username == QLatin1String("consultant");
            QDate month = QDate::fromJulianDay(p.assignments.front().from);
            month = QDate(month.year(), month.month(), 1);
            for (; month <= thisMonth; month = month.addMonths(1)) {
                const bool current = month == thisMonth;
                const int n = 2 + int(m_rng.below(3)) + (demoConsultant && current ? 1 : 0);
                int reportPos = -1;
                QHash<qint64, bool> mealDays; // one meal claim a day keeps per-day caps simple
                for (int k = 0; k < n; ++k) {
                    const int days = current ? asOf.day() : month.daysInMonth();
                    const qint64 day = QDate(month.year(), month.month(),
                                             1 + int(m_rng.below(std::uint32_t(days))))
                                           .toJulianDay();
                    const int dow = QDate::fromJulianDay(day).dayOfWeek();
                    if (dow > 5 || day > today)
                        continue;
                    const ProjectSpan *on = nullptr;
                    for (const ProjectSpan &a : p.assignments)
                        if (a.from <= day && day <= a.to)
                            on = &a;
                    if (!on)
                        continue;
                    const std::size_t ci = m_rng.below(Categories.size());
                    const Category &cat = Categories[ci];
                    if (ci == 1 && mealDays.contains(day))
                        continue;
                    if (ci == 1)
                        mealDays.insert(day, true);

                    // One in eight in a neighbouring entity's currency.
                    QString currency = entity.currency;
                    if (m_rng.below(8) == 0)
                        currency = QString::fromLatin1(
                            Foreign[(std::size_t(p.entity) + 1 + m_rng.below(2)) % 3]);
                    const qint64 cents =
                        cat.minCents +
                        qint64(m_rng.below(std::uint32_t(cat.maxCents - cat.minCents + 1)));
                    const qint64 rate =
                        currency == entity.currency
                            ? RateScale
                            : m_rates.value(currency + entity.currency + iso(day), 0);
                    if (rate == 0)
                        return fail(QStringLiteral("no demo rate %1→%2 on %3")
                                        .arg(currency, entity.currency, iso(day)));
                    const qint64 functional = mulDiv(cents, rate, RateScale);

                    const bool needsReceipt = functional > ReceiptRequiredAbove * 100;
                    const bool hasReceipt =
                        needsReceipt ? m_rng.below(33) != 0 : m_rng.below(10) < 3;
                    QStringList breaches;
                    const QString cap =
                        QStringLiteral("%1.00 %2").arg(cat.capUnits).arg(entity.currency);
                    const QString shown =
                        QStringLiteral("%1 %2").arg(demoCents(functional), entity.currency);
                    if (cat.capUnits > 0 && functional > qint64(cat.capUnits) * 100) {
                        breaches << (QLatin1String(cat.capKind) == QLatin1String("per_day")
                                         ? QStringLiteral("%1 of %2 on %3 (with this expense) "
                                                          "is above the daily cap of %4")
                                               .arg(shown, QLatin1String(cat.name), iso(day), cap)
                                         : QStringLiteral("%1 is above the %2 cap of %3 per "
                                                          "item")
                                               .arg(shown, QLatin1String(cat.name), cap));
                    }
                    if (needsReceipt && !hasReceipt)
                        breaches << QStringLiteral("no receipt, which %1 requires above %2.00 %3")
                                        .arg(QLatin1String(cat.name))
                                        .arg(ReceiptRequiredAbove)
                                        .arg(entity.currency);
                    const QString breach = breaches.join(QStringLiteral("; "));
                    // This month's drafts may still lack a justification; everything in a
                    // report has one.
                    const bool inReport = !current || demoConsultant;
                    QString justification;
                    if (!breach.isEmpty() && (inReport || m_rng.below(2) == 0))
                        justification = needsReceipt && !hasReceipt
                                            ? QStringLiteral("Receipt lost on the way back; the "
                                                             "card statement shows the charge.")
                                            : QStringLiteral("Nothing cheaper was available "
                                                             "near the client site that week.");

                    const QString id = demoUuid(m_rng);
                    QString status = QStringLiteral("draft");
                    if (inReport) {
                        if (reportPos < 0) {
                            reportPos = int(reports.size());
                            reports.push_back({0, &p, month, 0, current});
                        }
                        reports[std::size_t(reportPos)].total += functional;
                        status = current ? QStringLiteral("submitted") : QStringLiteral("approved");
                    }
                    const QString created = demoTimestamp(day, 19, int(m_rng.below(60)));
                    rows.push_back({{id,
                                     p.employeeId,
                                     entity.id,
                                     QString::number(entity.firstCategoryId + qint64(ci)),
                                     on->projectId,
                                     on->taskId,
                                     QString(),
                                     iso(day),
                                     QString::fromLatin1(cat.descriptions[m_rng.below(3)]),
                                     demoCents(cents),
                                     currency,
                                     rateText(rate),
                                     demoCents(functional),
                                     entity.currency,
                                     cat.billable ? QStringLiteral("t") : QStringLiteral("f"),
                                     breach.isEmpty() ? QString() : breach,
                                     justification,
                                     status,
                                     p.userId,
                                     created,
                                     created,
                                     status == QLatin1String("draft") ? QStringLiteral("1")
                                                                      : QStringLiteral("2")},
                                    inReport ? reportPos : -1});

                    if (hasReceipt) {
                        const bool pdf = m_rng.below(2) == 0;
                        const QByteArray content =
                            pdf ? receiptPdf(QStringLiteral("%1  %2 %3  %4")
                                                 .arg(iso(day), demoCents(cents), currency,
                                                      QLatin1String(cat.name)))
                                : png;
                        receiptRows.append(
                            {demoUuid(m_rng), id,
                             QStringLiteral("receipt-%1.%2")
                                 .arg(iso(day),
                                      pdf ? QStringLiteral("pdf") : QStringLiteral("png")),
                             pdf ? QStringLiteral("application/pdf") : QStringLiteral("image/png"),
                             QString::number(content.size()),
                             QStringLiteral("\\x") +
                                 QString::fromLatin1(
                                     QCryptographicHash::hash(content, QCryptographicHash::Sha256)
                                         .toHex()),
                             QStringLiteral("\\x") + QString::fromLatin1(content.toHex()), p.userId,
                             created});
                    }
                }
            }
        }

        if (!reserveIds(QStringLiteral("expense_reports"), qint64(reports.size()),
                        &firstExpenseReport))
            return false;
        PgCopy reportCopy(m_db, QStringLiteral("COPY expense_reports (id, employee_id, "
                                               "legal_entity_id, title, status, currency, total, "
                                               "submitted_at, manager_id, manager_at, finance_id, "
                                               "finance_at, created_at, updated_at, version) FROM "
                                               "STDIN"));
        for (std::size_t i = 0; i < reports.size(); ++i) {
            Report &r = reports[i];
            r.id = firstExpenseReport + qint64(i);
            const Entity &entity = m_entities[std::size_t(r.person->entity)];
            // Past months are submitted on the 2nd of the next month and approved by the line
            // manager and then finance; this month's waits for the line manager.
            const qint64 submitted = r.submittedOnly
                                         ? demoAsOf().toJulianDay() - 2
                                         : r.month.addMonths(1).addDays(1).toJulianDay();
            const QString submittedAt = demoTimestamp(submitted, 9, int(i % 60));
            const QString managerAt = demoTimestamp(submitted + 1, 11, int(i % 60));
            const QString financeAt = demoTimestamp(submitted + 2, 15, int(i % 60));
            const QString manager =
                r.person->managerUserId.isEmpty() ? entity.financeUserId : r.person->managerUserId;
            reportCopy.addRow(
                {QString::number(r.id), r.person->employeeId, entity.id,
                 QStringLiteral("Expenses %1").arg(QLocale::c().toString(r.month, "MMMM yyyy")),
                 r.submittedOnly ? QStringLiteral("submitted") : QStringLiteral("approved"),
                 entity.currency, demoCents(r.total), submittedAt,
                 r.submittedOnly ? QString() : manager, r.submittedOnly ? QString() : managerAt,
                 r.submittedOnly ? QString() : entity.financeUserId,
                 r.submittedOnly ? QString() : financeAt, submittedAt,
                 r.submittedOnly ? submittedAt : financeAt,
                 r.submittedOnly ? QStringLiteral("1") : QStringLiteral("3")});
        }
        if (!finish(reportCopy, &m_counts.expenseReports))
            return false;

        PgCopy copy(m_db,
                    QStringLiteral("COPY expenses (id, employee_id, legal_entity_id, "
                                   "category_id, project_id, task_id, report_id, expense_date, "
                                   "description, amount, currency, fx_rate, functional_amount, "
                                   "functional_currency, billable, policy_breach, "
                                   "justification, status, created_by, created_at, updated_at, "
                                   "version) FROM STDIN"));
        for (Row &row : rows) {
            if (row.report >= 0)
                row.fields[6] = QString::number(reports[std::size_t(row.report)].id);
            copy.addRow(row.fields);
        }
        if (!finish(copy, &m_counts.expenses))
            return false;
        PgCopy receipts(m_db, QStringLiteral("COPY expense_receipts (id, expense_id, file_name, "
                                             "mime_type, size_bytes, sha256, content, "
                                             "created_by, created_at) FROM STDIN"));
        for (const QStringList &row : std::as_const(receiptRows))
            receipts.addRow(row);
        return finish(receipts, &m_counts.receipts);
    }

    bool subcontractors()
    {
        static constexpr std::array<std::array<const char *, 3>, 3> Names = {{
            {"Brightline Software LLC", "Northwind Data Partners", "Summit QA Services"},
            {"Thames Digital Ltd", "Pennine Analytics Ltd", "Clyde Cloud Engineering Ltd"},
            {"Rheinwerk IT GmbH", "Isar Data Consulting GmbH", "Spree Test & Quality GmbH"},
        }};
        const QStringList countries = {QStringLiteral("US"), QStringLiteral("GB"),
                                       QStringLiteral("DE")};
        qint64 firstVendor = 0;
        if (!reserveIds(QStringLiteral("vendors"), qint64(m_entities.size() * 3), &firstVendor))
            return false;
        {
            PgCopy copy(m_db, QStringLiteral("COPY vendors (id, legal_entity_id, name, country, "
                                             "currency, payment_terms_days, tax_id) FROM STDIN"));
            for (std::size_t e = 0; e < m_entities.size(); ++e) {
                for (std::size_t v = 0; v < 3; ++v) {
                    copy.addRow({QString::number(firstVendor + qint64(e * 3 + v)), m_entities[e].id,
                                 QString::fromUtf8(Names[e % 3][v]) +
                                     (e >= 3 ? QStringLiteral(" %1").arg(e) : QString()),
                                 countries[int(e % 3)], m_entities[e].currency,
                                 QString::number(30 + 15 * int(v % 2)),
                                 QStringLiteral("%1-%2")
                                     .arg(m_entities[e].code)
                                     .arg(700100 + int(e * 3 + v))});
                }
            }
            if (!finish(copy))
                return false;
        }

        // Agreements on one project in seven that has started, with its first two tasks.
        QSqlQuery q(m_db);
        if (!select(q, QStringLiteral(
                           "SELECT p.id, p.legal_entity_id, p.start_date, p.end_date, p.status, "
                           "(SELECT array_to_string(array_agg(t.id ORDER BY t.seq), ',') FROM "
                           "(SELECT id, seq FROM project_tasks WHERE project_id = p.id ORDER BY "
                           "seq LIMIT 2) t) FROM projects p WHERE p.status IN ('active', "
                           "'closed') AND p.id % 7 = 3 AND p.start_date < DATE '%1' - 40 ORDER "
                           "BY p.id")
                           .arg(demoAsOf().toString(Qt::ISODate))))
            return false;
        struct Agreement
        {
            qint64 id;
            qint64 vendorId;
            int entity;
            QString projectId;
            QStringList tasks;
            QDate start, end;
            bool active;
            qint64 rateMicro;
            qint64 billed = 0;
        };
        std::vector<Agreement> agreements;
        while (q.next()) {
            const int e = m_entityIndex.value(q.value(1).toString());
            const qint64 pid = q.value(0).toLongLong();
            agreements.push_back({0, firstVendor + e * 3 + pid % 3, e, q.value(0).toString(),
                                  q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts),
                                  q.value(2).toDate(), q.value(3).toDate(),
                                  q.value(4).toString() == QLatin1String("active"),
                                  (65 + (pid % 6) * 8) * 1'000'000LL + (pid % 4) * 250'000LL});
        }
        qint64 firstAgreement = 0, firstBill = 0;
        if (!reserveIds(QStringLiteral("subcontract_agreements"), qint64(agreements.size()),
                        &firstAgreement))
            return false;

        // Bills: one a month for the month before, from the agreement's start up to last month.
        const QDate asOf = demoAsOf();
        const QDate thisMonth(asOf.year(), asOf.month(), 1);
        struct Bill
        {
            std::size_t agreement;
            QDate month;
            std::vector<std::pair<qint64, QString>> lines; // hours in hundredths, task id
            qint64 total = 0;
        };
        std::vector<Bill> bills;
        for (std::size_t i = 0; i < agreements.size(); ++i) {
            Agreement &a = agreements[i];
            a.id = firstAgreement + qint64(i);
            for (QDate m(a.start.year(), a.start.month(), 1); m < thisMonth && m <= a.end;
                 m = m.addMonths(1)) {
                Bill b{i, m, {}, 0};
                const qint64 hours = 4000 + qint64(m_rng.below(161)) * 50; // 40–120 h
                if (a.tasks.size() >= 2 && m_rng.below(2) == 0) {
                    const qint64 first = (hours / 100 / 2) * 100;
                    b.lines.push_back({first, a.tasks[0]});
                    b.lines.push_back({hours - first, a.tasks[1]});
                } else {
                    b.lines.push_back({hours, a.tasks.value(0)});
                }
                for (const auto &[h, task] : b.lines)
                    b.total += mulDiv(h, a.rateMicro, 1'000'000);
                a.billed += b.total;
                bills.push_back(std::move(b));
            }
        }
        {
            PgCopy copy(m_db, QStringLiteral("COPY subcontract_agreements (id, vendor_id, "
                                             "legal_entity_id, project_id, reference, "
                                             "hourly_rate, currency, cap_amount, start_date, "
                                             "end_date, status) FROM STDIN"));
            for (const Agreement &a : agreements) {
                // A cap with room to spare; a few agreements are close to theirs.
                const qint64 cap = a.id % 5 == 0 ? (a.billed * 103 / 100 / 100000 + 1) * 100000
                                                 : (a.billed * 125 / 100 / 100000 + 1) * 100000;
                copy.addRow({QString::number(a.id), QString::number(a.vendorId),
                             m_entities[std::size_t(a.entity)].id, a.projectId,
                             QStringLiteral("SUB-%1-%2")
                                 .arg(m_entities[std::size_t(a.entity)].code)
                                 .arg(a.id, 4, 10, QLatin1Char('0')),
                             demoCents(a.rateMicro / 10'000) + QStringLiteral("0000"),
                             m_entities[std::size_t(a.entity)].currency, demoCents(cap),
                             a.start.toString(Qt::ISODate), a.end.toString(Qt::ISODate),
                             a.active ? QStringLiteral("active") : QStringLiteral("closed")});
            }
            if (!finish(copy))
                return false;
        }
        if (!reserveIds(QStringLiteral("vendor_bills"), qint64(bills.size()), &firstBill))
            return false;
        PgCopy billCopy(m_db, QStringLiteral("COPY vendor_bills (id, legal_entity_id, "
                                             "vendor_id, agreement_id, vendor_ref, bill_date, "
                                             "due_date, currency, total, status, created_by, "
                                             "approved_by, created_at, updated_at, version) "
                                             "FROM STDIN"));
        QList<QStringList> lineRows;
        for (std::size_t i = 0; i < bills.size(); ++i) {
            const Bill &b = bills[i];
            const Agreement &a = agreements[b.agreement];
            const Entity &entity = m_entities[std::size_t(a.entity)];
            const QDate billDate = b.month.addMonths(1).addDays(2);
            const bool awaiting = b.month.addMonths(1) == thisMonth;
            const QString created = demoTimestamp(billDate.toJulianDay(), 10, int(i % 60));
            const QString approved = demoTimestamp(billDate.toJulianDay() + 5, 14, int(i % 60));
            billCopy.addRow({QString::number(firstBill + qint64(i)), entity.id,
                             QString::number(a.vendorId), QString::number(a.id),
                             QStringLiteral("INV-%1-%2")
                                 .arg(b.month.toString(QStringLiteral("yyyyMM")))
                                 .arg(a.id),
                             billDate.toString(Qt::ISODate),
                             billDate.addDays(30 + 15 * int(a.vendorId % 2)).toString(Qt::ISODate),
                             entity.currency, demoCents(b.total),
                             awaiting ? QStringLiteral("submitted") : QStringLiteral("approved"),
                             entity.payablesUserId, awaiting ? QString() : entity.financeUserId,
                             created, awaiting ? created : approved,
                             awaiting ? QStringLiteral("2") : QStringLiteral("3")});
            int seq = 1;
            for (const auto &[h, task] : b.lines) {
                lineRows.append({QString::number(firstBill + qint64(i)), QString::number(seq++),
                                 a.projectId, task.isEmpty() ? QString() : task,
                                 QStringLiteral("Subcontracted delivery, %1")
                                     .arg(QLocale::c().toString(b.month, "MMMM yyyy")),
                                 demoCents(h),
                                 demoCents(a.rateMicro / 10'000) + QStringLiteral("0000"),
                                 demoCents(mulDiv(h, a.rateMicro, 1'000'000))});
            }
        }
        if (!finish(billCopy, &m_counts.vendorBills))
            return false;
        PgCopy lineCopy(m_db, QStringLiteral("COPY vendor_bill_lines (bill_id, seq, project_id, "
                                             "task_id, description, hours, rate, amount) FROM "
                                             "STDIN"));
        for (const QStringList &row : std::as_const(lineRows))
            lineCopy.addRow(row);
        return finish(lineCopy);
    }

    QSqlDatabase &m_db;
    SplitMix64 m_rng;
    QString m_error;
    DemoExpenseCounts m_counts;
    std::vector<Entity> m_entities;
    QHash<QString, int> m_entityIndex;
    std::vector<Person> m_people;
    QHash<QString, qint64> m_rates; // from + to + ISO date → rate in 1e-10
};

} // namespace

bool loadDemoExpenses(QSqlDatabase &db, DemoExpenseCounts *counts, QString *error)
{
    return ExpenseLoader(db).run(counts, error);
}

} // namespace keel
