#include "demo_billing.h"

#include "banking/bank_account_service.h"
#include "banking/bank_statement_service.h"
#include "billing/billing_run_service.h"
#include "billing/credit_note_service.h"
#include "billing/invoice_service.h"
#include "db/database.h"
#include "db/pg_array.h"
#include "demo_names.h"
#include "demo_sales.h"
#include "http/http_types.h"
#include "identity/identity_store.h"
#include "json_codec.h"
#include "ledger/ledger_service.h"
#include "ledger/posting_rules.h"
#include "payables/vendor_payment_service.h"
#include "permissions.h"
#include "receivables/collections_service.h"
#include "receivables/receipt_service.h"
#include "workflow/workflow_service.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <vector>

namespace keel {

namespace {

using demo::SplitMix64;

constexpr std::uint64_t BillingSeed = demo::DemoSeed ^ 0x42494C4CULL; // "BILL"

Money money(const QVariant &amount, const QString &currency)
{
    return Money::parse(amount.toString(), currency).value();
}

// A weekday on or after `d`: banks book nothing at weekends.
QDate weekday(QDate d)
{
    while (d.dayOfWeek() > 5)
        d = d.addDays(1);
    return d;
}

// How a client pays, fixed per client: most on time, some systematically late, some in parts,
// a few slow or unreliable (their oldest invoices stay open).
enum class Habit
{
    OnTime,
    Late,
    Partial,
    Slow,
    Unreliable
};

// What insights_planted records of a habit the collections model should find (late_payer), or
// nothing for those who pay on time or in parts on time.
const char *latePayerDetail(Habit habit)
{
    switch (habit) {
    case Habit::Late:
        return "late";
    case Habit::Slow:
        return "slow";
    case Habit::Unreliable:
        return "unreliable";
    default:
        return nullptr;
    }
}

Habit habitOf(qint64 accountId)
{
    SplitMix64 rng(BillingSeed ^ (std::uint64_t(accountId) * 0x9E3779B97F4A7C15ULL));
    const std::uint32_t r = rng.below(100);
    return r < 64   ? Habit::OnTime
           : r < 79 ? Habit::Late
           : r < 89 ? Habit::Partial
           : r < 96 ? Habit::Slow
                    : Habit::Unreliable;
}

struct Payment
{
    QDate date;
    qint64 minor = 0;
};

// When and how much a client with `habit` pays of an invoice's open balance (minor units). Each
// habit keeps its delays within a few weeks: a habit the collections model can learn from a
// client's history (insights: a late payer is predictable, not a coin toss per invoice).
std::vector<Payment> paymentsOf(Habit habit, qint64 invoiceId, QDate invoiceDate, QDate due,
                                qint64 balance)
{
    SplitMix64 rng(BillingSeed ^ (std::uint64_t(invoiceId) << 20));
    const auto around = [&](int from, int to) {
        return std::max(invoiceDate.addDays(1),
                        due.addDays(from + int(rng.below(std::uint32_t(to - from + 1)))));
    };
    switch (habit) {
    case Habit::OnTime:
        return {{around(-9, 4), balance}};
    case Habit::Late:
        return {{around(30, 54), balance}};
    case Habit::Partial: {
        const qint64 first = balance * (40 + rng.below(31)) / 100;
        return {{around(-2, 8), first}, {around(40, 70), balance - first}};
    }
    case Habit::Slow:
        return {{around(60, 90), balance}};
    case Habit::Unreliable:
        if (rng.below(100) < 35)
            return {};
        return {{around(75, 115), balance}};
    }
    return {};
}

const std::array<const char *, 4> WriteDownReasons = {
    "Onboarding hours not billed, as agreed with the client",
    "Rework after the client's change of scope, absorbed by us",
    "Hours above the estimate agreed for this sprint",
    "Goodwill for the delayed environment handover",
};

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
    BillingLoader(const DbConfig &config, const DemoBillingProgress &progress)
        : m_config(config), m_db(db::connection(config)), m_ledger(config), m_workflow(config),
          m_runs(config), m_invoices(config, &m_workflow), m_credits(config), m_receipts(config),
          m_payments(config), m_identity(config), m_progress(progress)
    {
        m_invoices.registerApprovalHandlers(m_workflow);
    }

    void run()
    {
        readEntities();
        postVendorBills();
        postExpenseReports();
        bankAccounts();
        billMonths();
        receipts();
        collections();
        vendorPayments();
        bankStatements();
        finalCounts();
        db::exec(m_db, QStringLiteral("ANALYZE invoices, invoice_lines, billing_sources, "
                                      "billing_runs, customer_receipts, receipt_allocations, "
                                      "vendor_payments, vendor_payment_allocations, "
                                      "journal_entries, journal_lines"));
    }

    DemoBillingCounts counts;

private:
    QSqlQuery query(const QString &sql, const QVariantList &binds = {})
    {
        return db::query(m_db, sql, binds);
    }

    void report(int percent, const QString &step) const
    {
        if (m_progress)
            m_progress(percent, step);
    }

    // The services' HTTP-shaped operations (write-downs, their approval, credit notes) want a
    // caller: the demo user as the server would have authenticated them.
    const Request &as(qint64 userId)
    {
        auto it = m_requests.find(userId);
        if (it == m_requests.end()) {
            Request r;
            r.requestId = QStringLiteral("keel-admin-demo");
            Principal p;
            p.user = m_identity.userById(userId).value();
            p.permissions = permissionsOfRoles(p.user.roleNames());
            r.principal = p;
            it = m_requests.insert(userId, r);
        }
        return *it;
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
        q = query(QStringLiteral("SELECT id FROM users WHERE username = 'controller'"));
        m_controller = q.next() ? q.value(0).toLongLong() : 0;
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
        QList<Posting> postings;
        const auto flush = [&] {
            if (bill)
                postings.append(posting_rules::buildVendorBillApproved(m_ledger, *bill));
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
        m_ledger.postMany(postings);
        counts.vendorBillsPosted = int(postings.size());
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
        QList<Posting> postings;
        const auto flush = [&] {
            if (report && !report->expenses.isEmpty())
                postings.append(posting_rules::buildExpenseReportApproved(m_ledger, *report));
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
        m_ledger.postMany(postings);
        counts.expenseReportsPosted = int(postings.size());
    }

    // Two accounts per entity through the banking service: the operating account (the entity's
    // 'bank' ledger account) that receives and pays, and a reserve account (its own ledger
    // account), with the capital the firm was started with.
    void bankAccounts()
    {
        // Operating and reserve account numbers (IBAN or routing-account) per entity code.
        static const QHash<QString, QPair<QString, QString>> numbers = {
            {QStringLiteral("US"),
             {QStringLiteral("021000021-4410078823"), QStringLiteral("021000021-4410078890")}},
            {QStringLiteral("UK"),
             {QStringLiteral("GB29NWBK60161331926819"), QStringLiteral("GB94BARC10201530093459")}},
            {QStringLiteral("DE"),
             {QStringLiteral("DE89370400440532013000"), QStringLiteral("DE02120300000000202051")}},
        };
        BankAccountService service(m_config);
        for (Entity &e : m_entities) {
            const auto [operating, reserve] =
                numbers.value(e.code, {QStringLiteral("%1-0001").arg(e.code),
                                       QStringLiteral("%1-0002").arg(e.code)});
            const QString bank = QString::fromLatin1(bankName(e.code));
            e.bankAccount =
                service.create(m_db,
                               {e.id, QStringLiteral("Operating account %1").arg(e.currency), bank,
                                operating, e.currency, 0},
                               e.financeUser);
            const qint64 reserveId =
                service.create(m_db,
                               {e.id, QStringLiteral("Reserve account %1").arg(e.currency), bank,
                                reserve, e.currency, 0},
                               e.financeUser);
            counts.bankAccounts += 2;
            // Share capital paid in on the first day of the history, two thirds into the
            // operating account: the bank never starts below zero when the first vendor bills
            // are paid before the first receipts.
            const Currency currency = Currency::fromCode(e.currency).value();
            const qint64 capital = (e.code == QLatin1String("US") ? 3000000 : 1500000) * 100LL;
            Posting p;
            p.entityId = e.id;
            p.date = QDate(demoAsOf().year() - 2, 1, 1);
            p.sourceType = QStringLiteral("demo_opening");
            p.sourceId = QString::number(e.id);
            p.description = QStringLiteral("Share capital paid in");
            p.createdBy = e.clerkUser;
            p.approvedBy = e.financeUser;
            PostingLine toOperating;
            toOperating.accountNumber = BankAccountStore(m_db).account(e.bankAccount)->ledgerNumber;
            toOperating.debit = Money::fromMinor(capital / 3 * 2, currency).value();
            PostingLine toReserve;
            toReserve.accountNumber = BankAccountStore(m_db).account(reserveId)->ledgerNumber;
            toReserve.debit = Money::fromMinor(capital - capital / 3 * 2, currency).value();
            PostingLine paidIn;
            paidIn.role = QStringLiteral("share_capital");
            paidIn.credit = Money::fromMinor(capital, currency).value();
            p.lines = {toOperating, toReserve, paidIn};
            m_ledger.post(p);
        }
    }

    // Month by month, from the first month with signed work to the month before last: a billing
    // run per entity, a few lines written down (submitted by one finance person, decided by
    // another as the policies say), the drafts approved and issued a few days after the month,
    // and now and then a credit note.
    void billMonths()
    {
        QSqlQuery q = query(QStringLiteral(
            "SELECT min(start_date) FROM contracts WHERE status IN ('signed', 'amended', "
            "'completed')"));
        if (!q.next() || q.value(0).isNull())
            return;
        const QDate first = q.value(0).toDate();
        const QDate asOf = demoAsOf();
        // Last month stays unbilled: its approved time is what the Billing workspace runs.
        const QDate last = QDate(asOf.year(), asOf.month(), 1).addMonths(-2);
        const int months =
            int((last.year() - first.year()) * 12 + last.month() - first.month()) + 1;
        int index = 0;
        for (QDate m(first.year(), first.month(), 1); m <= last; m = m.addMonths(1), ++index) {
            report(90 + 5 * index / std::max(months, 1),
                   QStringLiteral("Billing %1").arg(m.toString(QStringLiteral("yyyy-MM"))));
            billMonth(m, index);
        }
    }

    // The entities' runs of the month, then their drafts approved and issued together by the
    // controller a few days after the month (one batch costs less than one per entity).
    void billMonth(QDate month, int index)
    {
        QList<qint64> drafts;
        std::vector<std::pair<const Entity *, qint64>> runs;
        for (const Entity &e : m_entities) {
            BillingRunParams params;
            params.legalEntityId = e.id;
            params.period = Period(month.year(), month.month());
            const qint64 run = m_runs.runNow(m_db, params, e.financeUser);
            runs.emplace_back(&e, run);
            ++counts.billingRuns;
            QSqlQuery q = query(QStringLiteral("SELECT id FROM invoices WHERE billing_run_id = ? "
                                               "AND status = 'draft' ORDER BY id"),
                                {run});
            while (q.next()) {
                drafts.append(q.value(0).toLongLong());
                maybeWriteDown(e, drafts.last());
            }
        }
        const QDate issued = weekday(month.addMonths(1).addDays(2));
        m_invoices.approveAndIssueMany(m_db, drafts, m_controller, issued);
        for (const auto &[e, run] : runs)
            maybeCredit(*e, run, index, issued);
    }

    // About one draft in forty has its largest time line written down by 5–20 % (whole units).
    void maybeWriteDown(const Entity &e, qint64 invoiceId)
    {
        SplitMix64 rng(BillingSeed ^ (std::uint64_t(invoiceId) * 0xC2B2AE3D27D4EB4FULL));
        if (rng.below(40) != 0)
            return;
        QSqlQuery q = query(QStringLiteral("SELECT l.id, l.gross_amount, i.currency FROM "
                                           "invoice_lines l JOIN invoices i ON i.id = "
                                           "l.invoice_id WHERE l.invoice_id = ? AND l.kind = "
                                           "'time' AND l.gross_amount >= 500 ORDER BY "
                                           "l.gross_amount DESC, l.id LIMIT 1"),
                            {invoiceId});
        if (!q.next())
            return;
        const qint64 lineId = q.value(0).toLongLong();
        const Money gross = money(q.value(1), q.value(2).toString());
        const qint64 unit = std::max<qint64>(1, gross.currency().minorFactor());
        const qint64 down =
            std::max<qint64>(unit, gross.minorUnits() * (5 + rng.below(16)) / 100 / unit * unit);
        const Money amount = Money::fromMinor(down, gross.currency()).value();
        m_invoices.writeDown(
            as(e.clerkUser), invoiceId, lineId,
            {{"amount", moneyToJson(amount)},
             {"reason",
              QString::fromLatin1(WriteDownReasons[rng.below(WriteDownReasons.size())])}});
        ++counts.writeDowns;
        // The chain the policies ask for: finance, and a controller above 1,000.
        for (int guard = 0; guard < 4; ++guard) {
            const auto state = m_workflow.stateOf(m_db, QStringLiteral("invoice_write_down"),
                                                  QString::number(lineId));
            if (!state || state->status != QLatin1String("pending"))
                break;
            const qint64 approver =
                state->currentRole == QLatin1String("controller") ? m_controller : e.financeUser;
            m_workflow.approve(as(approver), state->requestId, QString());
        }
    }

    // Now and then an invoice of the run is credited: in full with its sources released (re-
    // billed corrected in the next run), in full as a cancellation, or in part as goodwill.
    void maybeCredit(const Entity &e, qint64 run, int index, QDate issued)
    {
        const int which = index % 6;
        if (index < 2 || which > 2)
            return;
        SplitMix64 rng(BillingSeed ^ (std::uint64_t(run) << 8));
        const char *kind = which == 0 ? "time" : which == 1 ? "expense" : "milestone";
        QSqlQuery q = query(
            QStringLiteral("SELECT i.id, l.id, l.amount, i.currency FROM invoices i JOIN "
                           "invoice_lines l ON l.invoice_id = i.id WHERE i.billing_run_id = ? "
                           "AND i.status = 'issued' AND i.kind = 'invoice' AND l.kind = ? AND "
                           "l.amount > 0 ORDER BY i.id, l.line_no"),
            {run, QString::fromLatin1(kind)});
        QList<QPair<qint64, QPair<qint64, Money>>> candidates;
        while (q.next())
            candidates.append(
                {q.value(0).toLongLong(),
                 {q.value(1).toLongLong(), money(q.value(2), q.value(3).toString())}});
        if (candidates.isEmpty())
            return;
        const auto &[invoiceId, line] = candidates.at(rng.below(std::uint32_t(candidates.size())));
        QJsonObject body{{"date", dateToJson(issued.addDays(6 + int(rng.below(10))))}};
        if (which == 0) {
            body.insert("reason", QStringLiteral("Billed at the wrong rate; re-invoiced at the "
                                                 "contract rate"));
            body.insert("release_sources", true);
        } else if (which == 1) {
            body.insert("reason", QStringLiteral("Expenses the client's contract does not "
                                                 "reimburse"));
        } else {
            const qint64 unit = std::max<qint64>(1, line.second.currency().minorFactor());
            const Money part = Money::fromMinor(std::max<qint64>(unit, line.second.minorUnits() /
                                                                           10 / unit * unit),
                                                line.second.currency())
                                   .value();
            body.insert("reason", QStringLiteral("Goodwill credit for the delayed milestone"));
            body.insert("lines", QJsonArray{QJsonObject{{"line_id", idToJson(line.first)},
                                                        {"amount", moneyToJson(part)}}});
        }
        m_credits.create(as(e.financeUser), invoiceId, body);
        ++counts.creditNotes;
    }

    // Each client pays its invoices by its habit; what would be paid after the demo's today
    // stays open. A receipt pays all of a client's invoices due on one day; a few clients paid
    // ahead (unapplied cash).
    void receipts()
    {
        report(95, QStringLiteral("Customer receipts"));
        const QDate asOf = demoAsOf();
        QSqlQuery q = query(QStringLiteral(
            "SELECT id, legal_entity_id, account_id, currency, invoice_date, due_date, "
            "       total - amount_paid, number "
            "FROM invoices WHERE kind = 'invoice' AND status IN ('issued', 'partially_paid') "
            "AND total > amount_paid ORDER BY id"));
        // (entity, date, account) → the receipt
        std::map<std::tuple<qint64, QDate, qint64>, ReceiptInput> byDay;
        std::map<qint64, const char *> latePayers; // the truth the collections model should find
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const qint64 entity = q.value(1).toLongLong();
            const qint64 account = q.value(2).toLongLong();
            if (const char *detail = latePayerDetail(habitOf(account)))
                latePayers.emplace(account, detail);
            const Money balance = money(q.value(6), q.value(3).toString());
            for (const Payment &p : paymentsOf(habitOf(account), id, q.value(4).toDate(),
                                               q.value(5).toDate(), balance.minorUnits())) {
                const QDate date = weekday(p.date);
                if (date > asOf || p.minor <= 0)
                    continue;
                ReceiptInput &r = byDay[{entity, date, account}];
                const Money amount = Money::fromMinor(p.minor, balance.currency()).value();
                if (r.allocations.isEmpty()) {
                    r.legalEntityId = entity;
                    r.accountId = account;
                    r.bankAccountId = bankOf(entity);
                    r.receiptDate = date;
                    r.amount = amount;
                    r.reference = q.value(7).toString();
                } else {
                    r.amount = r.amount.add(amount).value();
                    if (r.reference.size() + q.value(7).toString().size() < 130)
                        r.reference += QStringLiteral(", ") + q.value(7).toString();
                }
                r.allocations.append({id, amount});
            }
        }
        plantLatePayers(latePayers);
        // Paid ahead by a few clients who pay on time: cash not yet applied.
        for (const Entity &e : m_entities) {
            QSqlQuery c = query(QStringLiteral("SELECT a.id FROM accounts a WHERE "
                                               "a.legal_entity_id = ? AND EXISTS (SELECT 1 FROM "
                                               "invoices i WHERE i.account_id = a.id) ORDER BY "
                                               "a.id"),
                                {e.id});
            int added = 0;
            while (c.next() && added < 2) {
                const qint64 account = c.value(0).toLongLong();
                if (habitOf(account) != Habit::OnTime)
                    continue;
                ReceiptInput r;
                r.legalEntityId = e.id;
                r.accountId = account;
                r.bankAccountId = e.bankAccount;
                r.receiptDate = weekday(asOf.addDays(-10 + 3 * added));
                r.amount = Money::fromMinor((5000 + 2500 * added) * 100LL,
                                            Currency::fromCode(e.currency).value())
                               .value();
                r.reference = QStringLiteral("Advance payment");
                byDay[{e.id, r.receiptDate, account}] = r;
                ++added;
            }
        }
        for (const Entity &e : m_entities) {
            QList<ReceiptInput> batch;
            for (const auto &[key, r] : byDay)
                if (std::get<0>(key) == e.id)
                    batch.append(r);
            std::stable_sort(batch.begin(), batch.end(),
                             [](const ReceiptInput &a, const ReceiptInput &b) {
                                 return a.receiptDate < b.receiptDate;
                             });
            counts.receipts += int(m_receipts.recordMany(m_db, batch, e.financeUser).size());
        }
    }

    // insights_planted: late_payer for every invoiced client whose habit pays late (detail =
    // the habit), in one statement.
    void plantLatePayers(const std::map<qint64, const char *> &latePayers)
    {
        db::PgArray accounts, details;
        for (const auto &[account, detail] : latePayers) {
            accounts.add(account);
            details.add(QString::fromLatin1(detail));
        }
        query(QStringLiteral("INSERT INTO insights_planted (kind, subject_id, detail) SELECT "
                             "'late_payer', a, d FROM unnest(?::bigint[], ?::text[]) AS u(a, d) "
                             "ON CONFLICT DO NOTHING"),
              {accounts.literal(), details.literal()});
    }

    // Finance chases what is overdue at the demo's today: a reminder after two weeks, a second
    // one with the client's promise after six, a final notice after eleven.
    void collections()
    {
        CollectionsService service(m_config);
        const QDate asOf = demoAsOf();
        QSqlQuery q = query(
            QStringLiteral(
                "SELECT id, legal_entity_id, ?::date - due_date FROM invoices WHERE kind = "
                "'invoice' AND status IN ('issued', 'partially_paid') AND due_date < ?::date - 14 "
                "ORDER BY id"),
            {asOf, asOf});
        while (q.next()) {
            const int overdue = q.value(2).toInt();
            const int level = overdue > 75 ? 3 : overdue > 45 ? 2 : 1;
            QJsonObject body{{"dunning_level", level}};
            if (level == 1) {
                body.insert("note", QStringLiteral("Payment reminder sent to the client's "
                                                   "accounts payable."));
            } else if (level == 2) {
                body.insert("note", QStringLiteral("Second reminder; the client's controller "
                                                   "promised payment within ten days."));
                body.insert("promised_date", dateToJson(asOf.addDays(10)));
            } else {
                body.insert("note", QStringLiteral("Final notice sent; new work for the client "
                                                   "on hold until the invoice is paid."));
            }
            const qint64 entity = q.value(1).toLongLong();
            for (const Entity &e : m_entities)
                if (e.id == entity)
                    service.addNote(as(e.financeUser), q.value(0).toLongLong(), body);
            ++counts.collectionNotes;
        }
    }

    qint64 bankOf(qint64 entityId) const
    {
        for (const Entity &e : m_entities)
            if (e.id == entityId)
                return e.bankAccount;
        return 0;
    }

    // Approved vendor bills are paid around their due date, one in ten in two instalments;
    // those due after the demo's today stay open.
    void vendorPayments()
    {
        report(95, QStringLiteral("Vendor payments"));
        const QDate asOf = demoAsOf();
        QSqlQuery q = query(QStringLiteral(
            "SELECT id, legal_entity_id, vendor_id, currency, bill_date, due_date, "
            "       total - amount_paid, vendor_ref "
            "FROM vendor_bills WHERE status IN ('approved', 'partially_paid') AND total > "
            "amount_paid ORDER BY due_date, id"));
        QList<VendorPaymentInput> payments;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            SplitMix64 rng(BillingSeed ^ (std::uint64_t(id) << 24));
            const Money balance = money(q.value(6), q.value(3).toString());
            const QDate due = q.value(5).toDate();
            std::vector<Payment> plan;
            if (rng.below(10) == 0) {
                const qint64 first = balance.minorUnits() / 2;
                plan = {{due.addDays(-2), first}, {due.addDays(19), balance.minorUnits() - first}};
            } else {
                plan = {{due.addDays(-3 + int(rng.below(6))), balance.minorUnits()}};
            }
            for (const Payment &p : plan) {
                const QDate date = weekday(std::max(p.date, q.value(4).toDate()));
                if (date > asOf)
                    continue;
                const qint64 entity = q.value(1).toLongLong();
                const Money amount = Money::fromMinor(p.minor, balance.currency()).value();
                payments.append({entity,
                                 q.value(2).toLongLong(),
                                 bankOf(entity),
                                 date,
                                 amount,
                                 q.value(7).toString(),
                                 {{id, amount}}});
            }
        }
        std::stable_sort(payments.begin(), payments.end(),
                         [](const VendorPaymentInput &a, const VendorPaymentInput &b) {
                             return a.paymentDate < b.paymentDate;
                         });
        for (const Entity &e : m_entities) {
            QList<VendorPaymentInput> batch;
            for (const VendorPaymentInput &p : std::as_const(payments))
                if (p.entityId == e.id)
                    batch.append(p);
            counts.vendorPayments += int(m_payments.payMany(m_db, batch, e.financeUser).size());
        }
    }

    // The operating accounts' statements from the start of last month to two days ago, as the
    // bank exports them: the receipts and payments recorded, the monthly fee, and two client
    // payments nobody has recorded yet. Last month's lines are reconciled (the fee as a journal
    // to general expenses); this month's wait in the Bank tab with their suggestions.
    void bankStatements()
    {
        report(95, QStringLiteral("Bank statements"));
        const QDate asOf = demoAsOf();
        const QDate from = QDate(asOf.year(), asOf.month(), 1).addMonths(-1);
        const QDate to = asOf.addDays(-2);
        const QDate reconciledTo = from.addMonths(1).addDays(-1);
        BankAccountService accounts(m_config);
        BankStatementService statements(m_config, accounts);
        for (const Entity &e : m_entities) {
            struct Line
            {
                QDate date;
                QString amount, reference, counterparty;
                QString matchKey; // customer_receipt_id, vendor_payment_id or journal
                qint64 target = 0;
            };
            std::vector<Line> lines;
            // What the bank saw: the receipts (in) and vendor payments (out) of the account.
            QSqlQuery q = query(
                QStringLiteral(
                    "SELECT r.receipt_date AS d, r.amount, r.reference, a.name, r.id, "
                    "'customer_receipt_id' AS k FROM customer_receipts r JOIN accounts a ON a.id "
                    "= r.account_id WHERE r.bank_account_id = ? AND r.receipt_date BETWEEN ? AND "
                    "? UNION ALL SELECT p.payment_date, -p.amount, p.reference, v.name, p.id, "
                    "'vendor_payment_id' FROM vendor_payments p JOIN vendors v ON v.id = "
                    "p.vendor_id WHERE p.bank_account_id = ? AND p.payment_date BETWEEN ? AND ? "
                    "ORDER BY 6, 1, 5"),
                {e.bankAccount, from, to, e.bankAccount, from, to});
            while (q.next())
                lines.push_back({q.value(0).toDate(), amountText(q.value(1), e.currency),
                                 q.value(2).toString(), q.value(3).toString(),
                                 q.value(5).toString(), q.value(4).toLongLong()});
            QDate feeDay = reconciledTo;
            while (feeDay.dayOfWeek() > 5)
                feeDay = feeDay.addDays(-1);
            lines.push_back({feeDay,
                             e.code == QLatin1String("US")   ? QStringLiteral("-25.00")
                             : e.code == QLatin1String("UK") ? QStringLiteral("-18.50")
                                                             : QStringLiteral("-21.00"),
                             QStringLiteral("Account maintenance fee %1")
                                 .arg(from.toString(QStringLiteral("MM/yyyy"))),
                             QString::fromLatin1(bankName(e.code)), QStringLiteral("journal"), 0});
            // Paid by the client, not yet recorded: the suggestions find the invoice by number.
            q = query(QStringLiteral("SELECT total - amount_paid, i.number, a.name FROM "
                                     "invoices i JOIN accounts a ON a.id = i.account_id WHERE "
                                     "i.legal_entity_id = ? AND i.kind = 'invoice' AND i.status = "
                                     "'issued' AND i.due_date BETWEEN ? AND ? ORDER BY i.id "
                                     "LIMIT 2"),
                      {e.id, asOf.addDays(-20), asOf.addDays(10)});
            while (q.next())
                lines.push_back({weekday(asOf.addDays(-4)), amountText(q.value(0), e.currency),
                                 QStringLiteral("Payment %1").arg(q.value(1).toString()),
                                 q.value(2).toString(), QString(), 0});
            std::stable_sort(lines.begin(), lines.end(),
                             [](const Line &a, const Line &b) { return a.date < b.date; });

            QByteArray csv = "date,amount,reference,counterparty\n";
            const auto field = [](QString v) {
                if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')))
                    v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                        QLatin1Char('"');
                return v.toUtf8();
            };
            for (const Line &l : lines)
                csv += l.date.toString(Qt::ISODate).toUtf8() + ',' + l.amount.toUtf8() + ',' +
                       field(l.reference) + ',' + field(l.counterparty) + '\n';
            Request import = as(e.financeUser);
            import.body = csv;
            import.headers = {{ "Content-Type", "text/csv" }};
            import.query.addQueryItem(
                QStringLiteral("file_name"),
                QStringLiteral("statement-%1-%2.csv").arg(e.code, to.toString(Qt::ISODate)));
            statements.import(import, e.bankAccount);

            // The lines come back in file order; last month's are reconciled.
            q = query(QStringLiteral("SELECT id, version FROM bank_statement_lines WHERE "
                                     "bank_account_id = ? ORDER BY id"),
                      {e.bankAccount});
            std::size_t i = 0;
            QList<QPair<qint64, int>> ids;
            while (q.next())
                ids.append({q.value(0).toLongLong(), q.value(1).toInt()});
            for (const auto &[id, version] : std::as_const(ids)) {
                const Line &l = lines.at(i++);
                if (l.date > reconciledTo || l.matchKey.isEmpty())
                    continue;
                const QJsonValue target =
                    l.matchKey == QLatin1String("journal")
                        ? QJsonValue(QJsonObject{{"account_number", QStringLiteral("6000")},
                                                 {"description", l.reference}})
                        : QJsonValue(idToJson(l.target));
                statements.match(as(e.financeUser), id,
                                 {{l.matchKey, target}, {"version", version}});
                ++counts.statementLinesMatched;
            }
            counts.statementLines += int(ids.size());
        }
    }

    // numeric(20, 4) as the statement prints it: at the currency's minor unit.
    static QString amountText(const QVariant &v, const QString &currency)
    {
        return Money::fromDecimal(Decimal::parse(v.toString()).value(),
                                  Currency::fromCode(currency).value())
            .value()
            .toString();
    }

    static const char *bankName(const QString &entity)
    {
        return entity == QLatin1String("US")   ? "First Republic Trust"
               : entity == QLatin1String("UK") ? "Thames & Mercia Bank"
                                               : "Rheinische Handelsbank";
    }

    void finalCounts()
    {
        QSqlQuery q = query(QStringLiteral(
            "SELECT count(*) FILTER (WHERE kind = 'invoice'), count(*) FILTER (WHERE kind = "
            "'credit_note') FROM invoices WHERE number IS NOT NULL"));
        if (q.next()) {
            counts.invoices = q.value(0).toInt();
            counts.creditNotes = q.value(1).toInt();
        }
    }

    DbConfig m_config;
    QSqlDatabase m_db;
    LedgerService m_ledger;
    WorkflowService m_workflow;
    BillingRunService m_runs;
    InvoiceService m_invoices;
    CreditNoteService m_credits;
    ReceiptService m_receipts;
    VendorPaymentService m_payments;
    IdentityStore m_identity;
    const DemoBillingProgress &m_progress;
    QHash<qint64, Request> m_requests;
    std::vector<Entity> m_entities;
    qint64 m_controller = 0;
};

} // namespace

bool loadDemoBilling(const DbConfig &config, DemoBillingCounts *counts, QString *error,
                     const DemoBillingProgress &progress)
{
    try {
        BillingLoader loader(config, progress);
        loader.run();
        if (counts)
            *counts = loader.counts;
        return true;
    } catch (const ApiError &e) {
        if (error) {
            QString why = e.problem().title + QStringLiteral(": ") + e.problem().detail;
            for (const FieldError &f : e.problem().errors.mid(0, 5))
                why += QStringLiteral(" [%1 %2 %3]").arg(f.field, f.code, f.message);
            *error = QStringLiteral("Loading billing history: %1").arg(why);
        }
    } catch (const DbError &e) {
        if (error)
            *error = QStringLiteral("Loading billing history: %1").arg(QString::fromUtf8(e.what()));
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("Loading billing history: %1").arg(QString::fromUtf8(e.what()));
    }
    return false;
}

} // namespace keel
