#include "invoice_issue.h"

#include "audit/audit_log.h"
#include "http/http_types.h"
#include "invoice_numbering.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "ledger/posting_rules.h"
#include "rounding.h"
#include "timeexpense/expense_values.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <tuple>

namespace keel {

using expense_values::moneyOf;

namespace {

QString array(const QStringList &l)
{
    return u'{' + l.join(u',') + u'}';
}

QString idArray(const QList<qint64> &ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts << QString::number(id);
    return array(parts);
}

// The advisory lock space of "a project's unbilled receivable is being cleared" (the second key is
// the project id).
constexpr int kUnbilledLockSpace = 61150;

// Net amount per project and timing of each invoice, from its lines.
struct LineSum
{
    qint64 projectId = 0;
    bool ahead = false;
    Money amount;
};

QHash<qint64, QList<LineSum>> lineSums(QSqlDatabase db, const QList<InvoiceRow> &invoices)
{
    QList<qint64> ids;
    QHash<qint64, QString> currency;
    for (const InvoiceRow &r : invoices) {
        ids << r.id;
        currency.insert(r.id, r.currency);
    }
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT invoice_id, coalesce(project_id, 0), timing, "
                                           "sum(amount)::text FROM invoice_lines WHERE "
                                           "invoice_id = ANY(?::bigint[]) GROUP BY 1, 2, 3 "
                                           "ORDER BY 1, 2, 3 DESC"),
                            {idArray(ids)});
    QHash<qint64, QList<LineSum>> out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        out[id].append({q.value(1).toLongLong(), q.value(2).toString() == QLatin1String("ahead"),
                        moneyOf(q.value(3).toString(), currency.value(id))});
    }
    return out;
}

// The unbilled receivable balance (functional minor units) per entity and project.
QHash<QPair<qint64, qint64>, qint64> unbilledBalances(QSqlDatabase db,
                                                      const QList<InvoiceRow> &invoices,
                                                      const QHash<qint64, QList<LineSum>> &sums)
{
    QList<qint64> projects;
    QHash<qint64, QString> functional;
    for (const InvoiceRow &r : invoices) {
        functional.insert(r.entityId, r.functionalCurrency);
        for (const LineSum &s : sums.value(r.id))
            if (s.projectId && !s.ahead && !projects.contains(s.projectId))
                projects << s.projectId;
    }
    QHash<QPair<qint64, qint64>, qint64> out;
    if (projects.isEmpty())
        return out;
    // Two issuers clearing the same project's balance at once would both see it whole: the
    // balance is read under a lock per project (taken in project order: no deadlock), held to
    // the end of the transaction.
    std::sort(projects.begin(), projects.end());
    db::query(db,
              QStringLiteral("SELECT pg_advisory_xact_lock(%1, p::int) FROM "
                             "unnest(?::bigint[]) AS u(p) ORDER BY p")
                  .arg(kUnbilledLockSpace),
              {idArray(projects)});
    // Only the entities' unbilled receivable accounts are read (journal_lines_account_idx).
    QSqlQuery q =
        db::query(db,
                  QStringLiteral(
                      "SELECT jl.legal_entity_id, jl.project_id, "
                      "sum(jl.functional_debit - jl.functional_credit)::text FROM journal_lines jl "
                      "WHERE jl.ledger_account_id = ANY(ARRAY(SELECT id FROM ledger_accounts WHERE "
                      "role = 'unbilled_receivable' AND legal_entity_id = ANY(?::bigint[]))) AND "
                      "jl.project_id = ANY(?::bigint[]) GROUP BY 1, 2"),
                  {idArray(functional.keys()), idArray(projects)});
    while (q.next()) {
        const qint64 entity = q.value(0).toLongLong();
        if (!functional.contains(entity))
            continue;
        out.insert({entity, q.value(1).toLongLong()},
                   moneyOf(q.value(2).toString(), functional.value(entity)).minorUnits());
    }
    return out;
}

Money fromMinor(qint64 minor, const Currency &c)
{
    return Money::fromMinor(minor, c).valueOr(Money::zero(c));
}

} // namespace

// A reverse-charge invoice shifts the tax to the buyer and is only valid with the buyer's VAT id
// on it (Art. 226 VAT Directive, §14a UStG). One query for the whole batch.
QList<std::pair<qint64, ApiError>> InvoiceIssuer::refusals(QSqlDatabase db,
                                                           const QList<InvoiceRow> &invoices)
{
    QList<std::pair<qint64, ApiError>> out;
    QList<qint64> accounts;
    for (const InvoiceRow &r : invoices)
        if (r.taxCode == QLatin1String("EU_REVERSE_CHARGE") && !accounts.contains(r.accountId))
            accounts << r.accountId;
    if (accounts.isEmpty())
        return out;
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT id FROM accounts WHERE id = ANY(?::bigint[]) "
                                           "AND coalesce(btrim(tax_id), '') = ''"),
                            {idArray(accounts)});
    QSet<qint64> missing;
    while (q.next())
        missing.insert(q.value(0).toLongLong());
    for (const InvoiceRow &r : invoices)
        if (r.taxCode == QLatin1String("EU_REVERSE_CHARGE") && missing.contains(r.accountId))
            out.append({r.id, ApiError::invalidField(
                                  QStringLiteral("account.tax_id"),
                                  QStringLiteral("required_for_reverse_charge"),
                                  QStringLiteral("Invoice %1 is reverse charge: it must show the "
                                                 "VAT id of %2, who has none on record. Enter "
                                                 "the client's VAT id on the account, then issue.")
                                      .arg(r.id)
                                      .arg(r.accountName))});
    return out;
}

void InvoiceIssuer::issue(QSqlDatabase db, const QList<InvoiceRow> &invoices,
                          const IssueActor &actor) const
{
    if (invoices.isEmpty())
        return;
    if (const auto refused = refusals(db, invoices); !refused.isEmpty())
        throw refused.first().second;
    const QDateTime issuedAt =
        actor.issuedAt.isValid() ? actor.issuedAt : QDateTime::currentDateTimeUtc();

    // The invoice date's rate into the entity's functional currency (422 when missing).
    struct Work
    {
        Decimal rate;
        Money functionalTotal;
        QString number;
        qint64 entryId = 0;
    };
    QHash<qint64, Work> work;
    QHash<QString, Decimal> rates;
    for (const InvoiceRow &r : invoices) {
        const QString key = r.currency + r.functionalCurrency + r.invoiceDate.toString(Qt::ISODate);
        if (!rates.contains(key))
            rates.insert(key, requireFxRate(db, r.currency, r.functionalCurrency, r.invoiceDate,
                                            QStringLiteral("invoice_date"))
                                  .rate);
        const Decimal rate = rates.value(key);
        const Currency fc = Currency::fromCode(r.functionalCurrency).value();
        const auto ft = r.total.convert(rate, fc);
        if (!ft)
            throw ApiError::invalidField(QStringLiteral("total"), "out_of_range",
                                         ft.error().message);
        work.insert(r.id, {rate, *ft, {}, 0});
    }

    // Numbers: one block per entity and year, handed out in id order within it.
    QList<NumberBlock> blocks;
    for (const InvoiceRow &r : invoices) {
        auto it = std::find_if(blocks.begin(), blocks.end(), [&](const NumberBlock &b) {
            return b.entityId == r.entityId && b.year == r.invoiceDate.year();
        });
        if (it == blocks.end())
            blocks.append({r.entityId, QStringLiteral("invoice"), r.invoiceDate.year(), 1, 0});
        else
            ++it->count;
    }
    drawNumbers(db, blocks);
    QHash<QPair<qint64, int>, int> next;
    for (const NumberBlock &b : blocks)
        next.insert({b.entityId, b.year}, b.first);
    QStringList ids, numbers, fxRates, functionalCurrencies, functionalTotals;
    for (const InvoiceRow &r : invoices) {
        int &n = next[{r.entityId, r.invoiceDate.year()}];
        Work &w = work[r.id];
        w.number = formatNumber(QStringLiteral("invoice"), r.entity, r.invoiceDate.year(), n++);
        ids << QString::number(r.id);
        numbers << w.number;
        fxRates << w.rate.toString();
        functionalCurrencies << r.functionalCurrency;
        functionalTotals << w.functionalTotal.toString();
    }
    db::query(db,
              QStringLiteral(
                  "UPDATE invoices i SET number = u.n, status = 'issued', fx_rate = u.r::numeric, "
                  "functional_currency = u.fc, functional_total = u.ft::numeric, issued_by = ?, "
                  "issued_at = ?, version = i.version + 1, updated_at = now(), "
                  "legal_details = (SELECT jsonb_build_object('entity_address', le.address, "
                  "'entity_tax_id', le.tax_id, 'entity_registration', le.registration, "
                  "'bank_details', le.bank_details, 'billing_address', a.billing_address, "
                  "'account_tax_id', a.tax_id) FROM legal_entities le, accounts a WHERE "
                  "le.id = i.legal_entity_id AND a.id = i.account_id) "
                  "FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                  "AS u(id, n, r, fc, ft) WHERE i.id = u.id"),
              {actor.userId, issuedAt, array(ids), array(numbers), array(fxRates),
               array(functionalCurrencies), array(functionalTotals)});

    // What the invoices bill is billed now: time and expenses leave 'approved'.
    db::query(db,
              QStringLiteral("UPDATE time_entries t SET status = 'invoiced', invoice_id = "
                             "s.invoice_id, version = t.version + 1, updated_at = now() "
                             "FROM billing_sources s WHERE s.invoice_id = ANY(?::bigint[]) AND "
                             "s.source_kind = 'time_entry' AND s.released_at IS NULL AND "
                             "t.id = s.source_key::uuid AND t.status = 'approved'"),
              {array(ids)});
    db::query(db,
              QStringLiteral("UPDATE expenses e SET status = 'invoiced', invoice_id = "
                             "s.invoice_id, version = e.version + 1, updated_at = now() "
                             "FROM billing_sources s WHERE s.invoice_id = ANY(?::bigint[]) AND "
                             "s.source_kind = 'expense' AND s.released_at IS NULL AND "
                             "e.id = s.source_key::uuid AND e.status = 'approved'"),
              {array(ids)});

    // The postings. Arrears clear what revenue recognition put on unbilled receivable for the
    // project, never more; the rest was billed before it was recognised: deferred revenue.
    const QHash<qint64, QList<LineSum>> sums = lineSums(db, invoices);
    QHash<QPair<qint64, qint64>, qint64> unbilled = unbilledBalances(db, invoices, sums);
    QList<Posting> postings;
    QList<qint64> postedIds;
    for (const InvoiceRow &r : invoices) {
        Work &w = work[r.id];
        if (r.total.isZero())
            continue; // written off entirely: nothing is owed, nothing to post
        const Currency fc = Currency::fromCode(r.functionalCurrency).value();
        posting_rules::InvoiceIssued e;
        e.entityId = r.entityId;
        e.invoiceId = r.id;
        e.clientId = r.accountId;
        e.issuedBy = actor.userId;
        e.invoiceDate = r.invoiceDate;
        e.number = w.number;
        e.tax = r.taxTotal;
        for (const LineSum &s : sums.value(r.id)) {
            if (s.amount.isZero())
                continue;
            const Money f = s.amount.convert(w.rate, fc).valueOr(Money::zero(fc));
            if (s.ahead || !s.projectId || !s.amount.isPositive()) {
                e.billedAhead.append({s.projectId, s.amount, f, {}});
                continue;
            }
            qint64 &balance = unbilled[{r.entityId, s.projectId}];
            const qint64 clearF = std::clamp<qint64>(balance, 0, f.minorUnits());
            balance -= clearF;
            if (clearF == f.minorUnits()) {
                e.recognised.append({s.projectId, s.amount, f, {}});
            } else if (clearF == 0) {
                e.billedAhead.append({s.projectId, s.amount, f, {}});
            } else {
                // The same share of the transaction amount, rounded once.
                const qint64 clearTx = qint64(divideRoundHalfAwayFromZero(
                    Int128(s.amount.minorUnits()) * clearF, f.minorUnits()));
                e.recognised.append({s.projectId,
                                     fromMinor(clearTx, s.amount.currency()),
                                     fromMinor(clearF, fc),
                                     {}});
                e.billedAhead.append(
                    {s.projectId,
                     fromMinor(s.amount.minorUnits() - clearTx, s.amount.currency()),
                     fromMinor(f.minorUnits() - clearF, fc),
                     {}});
            }
        }
        postings.append(posting_rules::buildInvoiceIssued(m_ledger, e));
        postedIds.append(r.id);
    }
    const QList<PostingResult> results = m_ledger.postMany(postings);
    QStringList entryInvoices, entries;
    for (qsizetype i = 0; i < results.size(); ++i) {
        work[postedIds.at(i)].entryId = results.at(i).entryId;
        entryInvoices << QString::number(postedIds.at(i));
        entries << QString::number(results.at(i).entryId);
    }
    if (!entries.isEmpty())
        db::query(db,
                  QStringLiteral("UPDATE invoices i SET journal_entry_id = u.j FROM "
                                 "unnest(?::bigint[], ?::bigint[]) AS u(id, j) WHERE i.id = u.id"),
                  {array(entryInvoices), array(entries)});

    // One statement for the month's audit entries, not one per invoice.
    AuditBatch batch(db);
    for (const InvoiceRow &r : invoices) {
        const Work &w = work.value(r.id);
        AuditEntry a;
        if (actor.request) {
            a = AuditEntry::from(*actor.request, QStringLiteral("invoice.issue"),
                                 QStringLiteral("invoice"), QString::number(r.id));
        } else {
            a.actorId = actor.userId;
            a.action = QStringLiteral("invoice.issue");
            a.recordType = QStringLiteral("invoice");
            a.recordId = QString::number(r.id);
        }
        a.before = {{"status", r.status}, {"version", r.version}};
        a.after = {{"status", "issued"},
                   {"number", w.number},
                   {"total", moneyToJson(r.total)},
                   {"fx_rate", w.rate.toString()},
                   {"functional_total", moneyToJson(w.functionalTotal)},
                   {"journal_entry_id", w.entryId ? idToJson(w.entryId) : QJsonValue()}};
        appendAudit(db, a);
    }
    batch.flush();
}

} // namespace keel
