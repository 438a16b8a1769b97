#include "demo_billing.h"

#include "db/database.h"
#include "demo_names.h"
#include "demo_sales.h"
#include "http/http_types.h"
#include "ledger/ledger_service.h"
#include "ledger/posting_rules.h"

#include <QDate>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <map>
#include <vector>

namespace keel {

namespace {

using demo::SplitMix64;

constexpr std::uint64_t BillingSeed = demo::DemoSeed ^ 0x42494C4CULL; // "BILL"

Money money(const QVariant &amount, const QString &currency)
{
    return Money::parse(amount.toString(), currency).value();
}

struct Entity
{
    qint64 id = 0;
    QString code;
    QString currency;
    qint64 financeUser = 0; // decides (the first finance person of the entity)
    qint64 clerkUser = 0;   // enters (the last one), never the same person at scale 1
    qint64 bankAccount = 0;
};

class BillingLoader
{
public:
    explicit BillingLoader(const DbConfig &config)
        : m_config(config), m_db(db::connection(config)), m_ledger(config), m_rng(BillingSeed)
    {}

    void run()
    {
        readEntities();
        postVendorBills();
        postExpenseReports();
        bankAccounts();
    }

    DemoBillingCounts counts;

private:
    QSqlQuery query(const QString &sql, const QVariantList &binds = {})
    {
        return db::query(m_db, sql, binds);
    }

    void readEntities()
    {
        QSqlQuery q = query(QStringLiteral(
            "SELECT e.id, e.code, e.functional_currency, "
            "       (SELECT min(ur.user_id) FROM user_roles ur WHERE ur.role = 'finance' AND "
            "        ur.legal_entity_id = e.id), "
            "       (SELECT max(ur.user_id) FROM user_roles ur WHERE ur.role = 'finance' AND "
            "        ur.legal_entity_id = e.id) "
            "FROM legal_entities e ORDER BY e.id"));
        while (q.next())
            m_entities.push_back({q.value(0).toLongLong(), q.value(1).toString(),
                                  q.value(2).toString(), q.value(3).toLongLong(),
                                  q.value(4).toLongLong(), 0});
    }

    const Entity &entity(qint64 id) const
    {
        for (const Entity &e : m_entities)
            if (e.id == id)
                return e;
        throw DbError(QString(), QStringLiteral("unknown legal entity %1").arg(id));
    }

    // The bills demo_expenses loaded as approved post as their approval would have: Dr
    // Subcontractor cost per line / Cr Accounts payable on the bill date. The bills are in their
    // entity's currency, so the carried functional total is the total at rate 1.
    void postVendorBills()
    {
        query(QStringLiteral(
            "UPDATE vendor_bills b SET fx_rate = 1, functional_total = b.total "
            "FROM legal_entities e WHERE e.id = b.legal_entity_id AND b.currency = "
            "e.functional_currency AND b.status IN ('approved', 'partially_paid', 'paid') AND "
            "b.functional_total IS NULL"));
        QSqlQuery q = query(QStringLiteral(
            "SELECT b.id, b.legal_entity_id, b.bill_date, b.vendor_ref, b.created_by, "
            "       b.approved_by, b.currency, l.project_id, l.amount, l.description "
            "FROM vendor_bills b JOIN vendor_bill_lines l ON l.bill_id = b.id "
            "WHERE b.status IN ('approved', 'partially_paid', 'paid') AND NOT EXISTS (SELECT 1 "
            "FROM journal_entries j WHERE j.source_type = 'vendor_bill' AND j.source_id = "
            "b.id::text AND j.purpose = 'approval') ORDER BY b.id, l.seq"));
        std::optional<posting_rules::VendorBillApproved> bill;
        const auto flush = [&] {
            if (bill) {
                posting_rules::vendorBillApproved(m_ledger, *bill);
                ++counts.vendorBillsPosted;
            }
        };
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (!bill || bill->billId != id) {
                flush();
                bill = posting_rules::VendorBillApproved{q.value(1).toLongLong(),
                                                         id,
                                                         q.value(5).toLongLong(),
                                                         q.value(4).toLongLong(),
                                                         q.value(2).toDate(),
                                                         q.value(3).toString(),
                                                         {}};
            }
            const Money amount = money(q.value(8), q.value(6).toString());
            if (!amount.isZero())
                bill->lines.append({q.value(7).toLongLong(), amount, std::nullopt,
                                    q.value(9).toString().left(200)});
        }
        flush();
    }

    // Approved expense reports post Dr Project expenses per expense at its converted amount /
    // Cr Employee payables, dated the day finance approved them.
    void postExpenseReports()
    {
        QSqlQuery q = query(QStringLiteral(
            "SELECT r.id, r.legal_entity_id, r.employee_id, r.finance_id, r.finance_at::date, "
            "       r.title, x.project_id, x.amount, x.currency, x.functional_amount, "
            "       x.functional_currency, x.description "
            "FROM expense_reports r JOIN expenses x ON x.report_id = r.id "
            "WHERE r.status = 'approved' AND NOT EXISTS (SELECT 1 FROM journal_entries j WHERE "
            "j.source_type = 'expense_report' AND j.source_id = r.id::text AND j.purpose = "
            "'approval') ORDER BY r.id, x.expense_date, x.id"));
        std::optional<posting_rules::ExpenseReportApproved> report;
        const auto flush = [&] {
            if (report && !report->expenses.isEmpty()) {
                posting_rules::expenseReportApproved(m_ledger, *report);
                ++counts.expenseReportsPosted;
            }
        };
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (!report || report->reportId != id) {
                flush();
                report = posting_rules::ExpenseReportApproved{q.value(1).toLongLong(),
                                                              id,
                                                              q.value(2).toLongLong(),
                                                              q.value(3).toLongLong(),
                                                              q.value(4).toDate(),
                                                              q.value(5).toString(),
                                                              {}};
            }
            report->expenses.append(
                {q.value(6).toLongLong(), money(q.value(7), q.value(8).toString()),
                 money(q.value(9), q.value(10).toString()), q.value(11).toString().left(200)});
        }
        flush();
    }

    // One operating account per entity, on its 'bank' ledger account (0016: the first account of
    // an entity uses it), with the capital the firm started with.
    void bankAccounts()
    {
        static const QHash<QString, QPair<QString, QString>> banks = {
            {QStringLiteral("US"),
             {QStringLiteral("First Republic Trust"), QStringLiteral("021000021-4410078823")}},
            {QStringLiteral("UK"),
             {QStringLiteral("Thames & Mercia Bank"), QStringLiteral("GB29NWBK60161331926819")}},
            {QStringLiteral("DE"),
             {QStringLiteral("Rheinische Handelsbank"), QStringLiteral("DE89370400440532013000")}},
        };
        for (Entity &e : m_entities) {
            const auto bank = banks.value(
                e.code, {QStringLiteral("Demo Bank"), QStringLiteral("%1-0001").arg(e.code)});
            QSqlQuery q = query(
                QStringLiteral("INSERT INTO bank_accounts (legal_entity_id, name, bank_name, "
                               "account_number, currency, ledger_account_id) "
                               "SELECT ?, ?, ?, ?, ?, a.id FROM ledger_accounts a "
                               "WHERE a.legal_entity_id = ? AND a.role = 'bank' RETURNING id"),
                {e.id, QStringLiteral("Operating account %1").arg(e.currency), bank.first,
                 bank.second, e.currency, e.id});
            if (!q.next())
                throw DbError(QString(),
                              QStringLiteral("entity %1 has no bank ledger account").arg(e.code));
            e.bankAccount = q.value(0).toLongLong();
            ++counts.bankAccounts;
            // Share capital paid in on the first day of the history: the bank never starts below
            // zero when the first vendor bills are paid before the first receipts.
            Posting p;
            p.entityId = e.id;
            p.date = QDate(demoAsOf().year() - 2, 1, 1);
            p.sourceType = QStringLiteral("demo_opening");
            p.sourceId = QString::number(e.id);
            p.description = QStringLiteral("Share capital paid in");
            p.createdBy = e.clerkUser;
            p.approvedBy = e.financeUser;
            const Money capital =
                money(e.code == QLatin1String("US") ? 3000000 : 1500000, e.currency);
            PostingLine dr;
            dr.role = QStringLiteral("bank");
            dr.debit = capital;
            PostingLine cr;
            cr.role = QStringLiteral("share_capital");
            cr.credit = capital;
            p.lines = {dr, cr};
            m_ledger.post(p);
        }
    }

    DbConfig m_config;
    QSqlDatabase m_db;
    LedgerService m_ledger;
    SplitMix64 m_rng;
    std::vector<Entity> m_entities;
};

} // namespace

bool loadDemoBilling(const DbConfig &config, DemoBillingCounts *counts, QString *error)
{
    try {
        BillingLoader loader(config);
        loader.run();
        if (counts)
            *counts = loader.counts;
        return true;
    } catch (const ApiError &e) {
        if (error) {
            QString why = e.problem().title + QStringLiteral(": ") + e.problem().detail;
            for (const FieldError &f : e.problem().errors)
                why += QStringLiteral(" [%1 %2 %3]").arg(f.field, f.code, f.message);
            *error = QStringLiteral("Loading billing history: %1").arg(why);
        }
    } catch (const DbError &e) {
        if (error)
            *error = QStringLiteral("Loading billing history: %1").arg(QString::fromUtf8(e.what()));
    }
    return false;
}

} // namespace keel
