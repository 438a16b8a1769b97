#include "ledger_store.h"

#include "db/pg_array.h"
#include "json_codec.h"
#include "money.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace {

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullableDate(QDate d)
{
    return d.isValid() ? QVariant(d) : QVariant(QMetaType::fromType<QDate>());
}

std::optional<LedgerEntity> entityFrom(QSqlQuery &q)
{
    if (!q.next())
        return std::nullopt;
    return LedgerEntity{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString()};
}

// Decimal text from SQL as {"amount":"12.50","currency":"EUR"}, at the currency's minor unit.
QJsonObject money(const QVariant &amount, const QString &currency)
{
    const auto d =
        Decimal::parse(amount.toString().isEmpty() ? QStringLiteral("0") : amount.toString());
    const auto c = Currency::fromCode(currency);
    if (d && c)
        if (const auto m = Money::fromDecimal(*d, *c))
            return moneyToJson(*m);
    return QJsonObject{{"amount", amount.toString()}, {"currency", currency}};
}

QJsonValue optIdJson(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : idToJson(v.toLongLong());
}

} // namespace

QSqlDatabase LedgerStore::db() const
{
    return db::connection(m_config);
}

std::optional<LedgerEntity> LedgerStore::entity(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, code, country, functional_currency FROM "
                                           "legal_entities WHERE id = ?"),
                            {id});
    return entityFrom(q);
}

std::optional<LedgerEntity> LedgerStore::entityByCode(const QString &code) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, code, country, functional_currency FROM "
                                           "legal_entities WHERE code = ?"),
                            {code});
    return entityFrom(q);
}

int LedgerStore::createChart(qint64 entityId, const QString &templ) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT keel_ledger_create_chart(?, ?)"), {entityId, templ});
    q.next();
    return q.value(0).toInt();
}

bool LedgerStore::hasChart(qint64 entityId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM ledger_accounts WHERE legal_entity_id = ?)"),
        {entityId});
    q.next();
    return q.value(0).toBool();
}

int LedgerStore::ensurePeriods(qint64 entityId, QDate from, QDate to) const
{
    QSqlQuery q = db::query(db(), QStringLiteral("SELECT keel_ledger_ensure_periods(?, ?, ?)"),
                            {entityId, from, to});
    q.next();
    return q.value(0).toInt();
}

QString LedgerStore::periodStatus(qint64 entityId, QDate date) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT status FROM accounting_periods WHERE "
                                           "legal_entity_id = ? AND period_start = "
                                           "date_trunc('month', ?::date)::date"),
                            {entityId, date});
    return q.next() ? q.value(0).toString() : QStringLiteral("open");
}

QList<LedgerAccount> LedgerStore::accounts(qint64 entityId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, number, name, type, coalesce(role, '') "
                                           "FROM ledger_accounts WHERE legal_entity_id = ? "
                                           "ORDER BY number"),
                            {entityId});
    QList<LedgerAccount> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString()});
    return out;
}

std::optional<qint64> LedgerStore::insertAccount(qint64 entityId, const QString &number,
                                                 const QString &name, const QString &type) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("INSERT INTO ledger_accounts (legal_entity_id, number, "
                                           "name, type) VALUES (?, ?, ?, ?) ON CONFLICT DO "
                                           "NOTHING RETURNING id"),
                            {entityId, number, name, type});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool LedgerStore::dimensionOfEntity(const QString &table, qint64 id, qint64 entityId) const
{
    const QString sql = table == QLatin1String("projects")
                            ? QStringLiteral("SELECT EXISTS (SELECT 1 FROM projects WHERE id = ? "
                                             "AND legal_entity_id = ?)")
                            : QStringLiteral("SELECT EXISTS (SELECT 1 FROM employees WHERE id = ? "
                                             "AND legal_entity_id = ?)");
    QSqlQuery q = db::query(db(), sql, {id, entityId});
    q.next();
    return q.value(0).toBool();
}

std::optional<qint64> LedgerStore::insertEntry(const NewJournalEntry &e) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "INSERT INTO journal_entries (legal_entity_id, entry_date, period_id, source_type, "
            "source_id, purpose, description, status, reverses_id, proposed_lines, created_by, "
            "approved_by, posted_at) SELECT ?, ?, (SELECT id FROM accounting_periods WHERE "
            "legal_entity_id = ? AND period_start = date_trunc('month', ?::date)::date), ?, ?, ?, "
            "?, ?, ?, ?::jsonb, ?, ?, CASE WHEN ? = 'posted' THEN now() END "
            "ON CONFLICT (source_type, source_id, purpose) DO NOTHING RETURNING id"),
        {e.entityId, e.date, e.entityId, e.date, e.sourceType, e.sourceId, e.purpose, e.description,
         e.status, nullableId(e.reversesId),
         e.proposedLines.isEmpty()
             ? QVariant(QMetaType::fromType<QString>())
             : QVariant(QString::fromUtf8(
                   QJsonDocument(e.proposedLines).toJson(QJsonDocument::Compact))),
         nullableId(e.createdBy), nullableId(e.approvedBy), e.status});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 LedgerStore::entryIdOf(const QString &sourceType, const QString &sourceId,
                              const QString &purpose) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id FROM journal_entries WHERE source_type = ? "
                                           "AND source_id = ? AND purpose = ?"),
                            {sourceType, sourceId, purpose});
    return q.next() ? q.value(0).toLongLong() : 0;
}

void LedgerStore::insertLine(qint64 entryId, const NewJournalLine &l) const
{
    // legal_entity_id and entry_date are set from the entry by the trigger; the project's client
    // and practice are the default dimensions of a project line.
    db::query(db(),
              QStringLiteral(
                  "INSERT INTO journal_lines (entry_id, legal_entity_id, entry_date, seq, "
                  "ledger_account_id, currency, debit, credit, fx_rate, functional_debit, "
                  "functional_credit, project_id, client_account_id, practice_id, employee_id, "
                  "memo) SELECT e.id, e.legal_entity_id, e.entry_date, ?, ?, ?, ?::numeric, "
                  "?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::bigint, "
                  "coalesce(?::bigint, p.account_id), coalesce(?::bigint, p.practice_id), ?, ? "
                  "FROM journal_entries e LEFT JOIN projects p ON p.id = ?::bigint "
                  "WHERE e.id = ?"),
              {l.seq, l.accountId, l.currency, l.debit, l.credit, l.fxRate, l.functionalDebit,
               l.functionalCredit, nullableId(l.projectId), nullableId(l.clientId),
               nullableId(l.practiceId), nullableId(l.employeeId), nullableText(l.memo),
               nullableId(l.projectId), entryId});
}

QList<qint64> LedgerStore::insertEntries(const QList<NewJournalEntry> &entries) const
{
    db::PgArray entity, date, sourceType, sourceId, purpose, description, reverses, createdBy,
        approvedBy;
    for (const NewJournalEntry &e : entries) {
        entity.add(e.entityId);
        date.add(e.date);
        sourceType.add(e.sourceType);
        sourceId.add(e.sourceId);
        purpose.add(e.purpose);
        description.add(e.description);
        reverses.add(e.reversesId);
        createdBy.add(e.createdBy);
        approvedBy.add(e.approvedBy);
    }
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "INSERT INTO journal_entries (legal_entity_id, entry_date, period_id, source_type, "
            "source_id, purpose, description, status, reverses_id, created_by, approved_by, "
            "posted_at) "
            "SELECT u.entity, u.d, p.id, u.st, u.sid, u.purpose, u.descr, 'posted', u.reverses, "
            "u.created_by, u.approved_by, now() "
            "FROM unnest(?::bigint[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], "
            "?::bigint[], ?::bigint[], ?::bigint[]) WITH ORDINALITY AS u(entity, d, st, sid, "
            "purpose, descr, reverses, created_by, approved_by, ord) "
            "LEFT JOIN accounting_periods p ON p.legal_entity_id = u.entity "
            "AND p.period_start = date_trunc('month', u.d)::date ORDER BY u.ord "
            "ON CONFLICT (source_type, source_id, purpose) DO NOTHING "
            "RETURNING id, source_type, source_id, purpose"),
        {entity.literal(), date.literal(), sourceType.literal(), sourceId.literal(),
         purpose.literal(), description.literal(), reverses.literal(), createdBy.literal(),
         approvedBy.literal()});
    const auto key = [](const QString &type, const QString &id, const QString &purpose) {
        return type + u'\x1f' + id + u'\x1f' + purpose;
    };
    QHash<QString, qint64> created;
    while (q.next())
        created.insert(key(q.value(1).toString(), q.value(2).toString(), q.value(3).toString()),
                       q.value(0).toLongLong());
    QList<qint64> out;
    out.reserve(entries.size());
    for (const NewJournalEntry &e : entries)
        out.append(created.take(key(e.sourceType, e.sourceId, e.purpose))); // 0 once taken
    return out;
}

void LedgerStore::insertLines(const QList<std::pair<qint64, NewJournalLine>> &lines) const
{
    if (lines.isEmpty())
        return;
    db::PgArray entry, seq, account, currency, debit, credit, fx, fdebit, fcredit, project, client,
        practice, employee, memo;
    for (const auto &[entryId, l] : lines) {
        entry.add(entryId);
        seq.add(QString::number(l.seq));
        account.add(l.accountId);
        currency.add(l.currency);
        debit.add(l.debit);
        credit.add(l.credit);
        fx.add(l.fxRate);
        fdebit.add(l.functionalDebit);
        fcredit.add(l.functionalCredit);
        project.add(l.projectId);
        client.add(l.clientId);
        practice.add(l.practiceId);
        employee.add(l.employeeId);
        memo.addText(l.memo);
    }
    // Entity and date are copied from the entry by trigger, as for one line.
    db::query(db(),
              QStringLiteral(
                  "INSERT INTO journal_lines (entry_id, legal_entity_id, entry_date, seq, "
                  "ledger_account_id, currency, debit, credit, fx_rate, functional_debit, "
                  "functional_credit, project_id, client_account_id, practice_id, employee_id, "
                  "memo) SELECT u.entry, e.legal_entity_id, e.entry_date, u.seq, u.account, "
                  "u.currency, u.debit, u.credit, u.fx, u.fdebit, u.fcredit, u.project, "
                  "coalesce(u.client, p.account_id), coalesce(u.practice, p.practice_id), "
                  "u.employee, u.memo "
                  "FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::numeric[], "
                  "?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::bigint[], "
                  "?::bigint[], ?::bigint[], ?::bigint[], ?::text[]) AS u(entry, seq, account, "
                  "currency, debit, credit, fx, fdebit, fcredit, project, client, practice, "
                  "employee, memo) JOIN journal_entries e ON e.id = u.entry "
                  "LEFT JOIN projects p ON p.id = u.project"),
              {entry.literal(), seq.literal(), account.literal(), currency.literal(),
               debit.literal(), credit.literal(), fx.literal(), fdebit.literal(), fcredit.literal(),
               project.literal(), client.literal(), practice.literal(), employee.literal(),
               memo.literal()});
}

std::optional<EntryRow> LedgerStore::entry(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT e.id, e.legal_entity_id, le.code, e.entry_date, e.status, e.source_type, "
            "e.source_id, e.purpose, e.description, e.created_by, e.version, "
            "coalesce(e.proposed_lines, '[]'::jsonb)::text, e.reverses_id, e.approved_by, "
            "e.rejection_reason, le.functional_currency, "
            "(SELECT r.id FROM journal_entries r WHERE r.reverses_id = e.id) "
            "FROM journal_entries e JOIN legal_entities le ON le.id = e.legal_entity_id "
            "WHERE e.id = ?") +
            (lock ? QStringLiteral(" FOR UPDATE OF e") : QString()),
        {id});
    if (!q.next())
        return std::nullopt;
    EntryRow r;
    r.id = q.value(0).toLongLong();
    r.entityId = q.value(1).toLongLong();
    r.entity = q.value(2).toString();
    r.date = q.value(3).toDate();
    r.status = q.value(4).toString();
    r.sourceType = q.value(5).toString();
    r.sourceId = q.value(6).toString();
    r.purpose = q.value(7).toString();
    r.description = q.value(8).toString();
    r.createdBy = q.value(9).toLongLong();
    r.version = q.value(10).toInt();
    r.proposedLines = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array();
    const QString functional = q.value(15).toString();
    r.json = QJsonObject{
        {"id", idToJson(r.id)},
        {"legal_entity", r.entity},
        {"date", dateToJson(r.date)},
        {"status", r.status},
        {"source_type", r.sourceType},
        {"source_id", r.sourceId},
        {"purpose", r.purpose},
        {"description", r.description},
        {"created_by", optIdJson(q.value(9))},
        {"approved_by", optIdJson(q.value(13))},
        {"reverses_id", optIdJson(q.value(12))},
        {"reversed_by_id", optIdJson(q.value(16))},
        {"rejection_reason", q.value(14).isNull() ? QJsonValue() : q.value(14).toString()},
        {"functional_currency", functional},
        {"version", r.version}};
    if (r.status == QLatin1String("pending") || r.status == QLatin1String("rejected"))
        r.json.insert(QStringLiteral("proposed_lines"), r.proposedLines);

    QSqlQuery l = db::query(
        db(),
        QStringLiteral(
            "SELECT l.seq, a.id, a.number, a.name, l.currency, trim_scale(l.debit)::text, "
            "trim_scale(l.credit)::text, trim_scale(l.fx_rate)::text, "
            "trim_scale(l.functional_debit)::text, trim_scale(l.functional_credit)::text, "
            "l.project_id, l.client_account_id, l.practice_id, l.employee_id, l.memo "
            "FROM journal_lines l JOIN ledger_accounts a ON a.id = l.ledger_account_id "
            "WHERE l.entry_id = ? ORDER BY l.seq"),
        {id});
    QJsonArray lines;
    while (l.next())
        lines.append(
            QJsonObject{{"seq", l.value(0).toInt()},
                        {"ledger_account_id", idToJson(l.value(1).toLongLong())},
                        {"account_number", l.value(2).toString()},
                        {"account_name", l.value(3).toString()},
                        {"debit", money(l.value(5), l.value(4).toString())},
                        {"credit", money(l.value(6), l.value(4).toString())},
                        {"fx_rate", l.value(7).toString()},
                        {"functional_debit", money(l.value(8), functional)},
                        {"functional_credit", money(l.value(9), functional)},
                        {"project_id", optIdJson(l.value(10))},
                        {"client_account_id", optIdJson(l.value(11))},
                        {"practice_id", optIdJson(l.value(12))},
                        {"employee_id", optIdJson(l.value(13))},
                        {"memo", l.value(14).isNull() ? QJsonValue() : l.value(14).toString()}});
    r.json.insert(QStringLiteral("lines"), lines);
    return r;
}

void LedgerStore::setStatus(qint64 id, const QString &status, qint64 approvedBy,
                            const QString &rejectionReason) const
{
    db::query(db(),
              QStringLiteral("UPDATE journal_entries SET status = ?, approved_by = "
                             "coalesce(?, approved_by), rejection_reason = ?, posted_at = CASE "
                             "WHEN ? = 'posted' THEN now() ELSE posted_at END, version = version "
                             "+ 1 WHERE id = ?"),
              {status, nullableId(approvedBy), nullableText(rejectionReason), status, id});
}

qint64 LedgerStore::reversalOf(qint64 id) const
{
    QSqlQuery q = db::query(
        db(), QStringLiteral("SELECT id FROM journal_entries WHERE reverses_id = ?"), {id});
    return q.next() ? q.value(0).toLongLong() : 0;
}

QList<AccountTotal> LedgerStore::totals(qint64 entityId, QDate from, QDate to) const
{
    // One pass over the covering index journal_lines_tb_idx (entity, date → account, amounts).
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "WITH t AS (SELECT ledger_account_id, sum(functional_debit) AS dr, "
            "sum(functional_credit) AS cr FROM journal_lines WHERE legal_entity_id = ? "
            "AND entry_date >= coalesce(?::date, '-infinity') AND entry_date <= "
            "coalesce(?::date, 'infinity') GROUP BY ledger_account_id) "
            "SELECT a.id, a.number, a.name, a.type, coalesce(a.role, ''), "
            "trim_scale(t.dr)::text, trim_scale(t.cr)::text FROM t JOIN ledger_accounts a "
            "ON a.id = t.ledger_account_id ORDER BY a.number"),
        {entityId, nullableDate(from), nullableDate(to)});
    QList<AccountTotal> out;
    while (q.next())
        out.append({{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString()},
                    q.value(5).toString(),
                    q.value(6).toString(),
                    QString()});
    return out;
}

QList<AccountTotal> LedgerStore::balances(qint64 entityId, QDate from, QDate to) const
{
    if (!from.isValid())
        return totals(entityId, from, to);
    // Still one pass over journal_lines_tb_idx, up to `to`: what lies before `from` is the
    // opening balance, the rest the period's movements.
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "WITH t AS (SELECT ledger_account_id, "
            "sum(functional_debit - functional_credit) FILTER (WHERE entry_date < ?::date) AS op, "
            "sum(functional_debit) FILTER (WHERE entry_date >= ?::date) AS dr, "
            "sum(functional_credit) FILTER (WHERE entry_date >= ?::date) AS cr "
            "FROM journal_lines WHERE legal_entity_id = ? AND entry_date <= "
            "coalesce(?::date, 'infinity') GROUP BY ledger_account_id) "
            "SELECT a.id, a.number, a.name, a.type, coalesce(a.role, ''), "
            "trim_scale(coalesce(t.dr, 0))::text, trim_scale(coalesce(t.cr, 0))::text, "
            "trim_scale(coalesce(t.op, 0))::text FROM t JOIN ledger_accounts a "
            "ON a.id = t.ledger_account_id ORDER BY a.number"),
        {from, from, from, entityId, nullableDate(to)});
    QList<AccountTotal> out;
    while (q.next())
        out.append({{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString()},
                    q.value(5).toString(),
                    q.value(6).toString(),
                    q.value(7).toString()});
    return out;
}

std::optional<std::pair<LedgerAccount, qint64>> LedgerStore::account(qint64 accountId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, number, name, type, coalesce(role, ''), "
                                           "legal_entity_id FROM ledger_accounts WHERE id = ?"),
                            {accountId});
    if (!q.next())
        return std::nullopt;
    return std::pair{LedgerAccount{q.value(0).toLongLong(), q.value(1).toString(),
                                   q.value(2).toString(), q.value(3).toString(),
                                   q.value(4).toString()},
                     q.value(5).toLongLong()};
}

QJsonArray LedgerStore::accountLines(qint64 accountId, QDate from, QDate to, qint64 after,
                                     int limit) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT l.id, l.entry_id, l.entry_date, e.description, e.source_type, e.source_id, "
            "l.currency, trim_scale(l.debit)::text, trim_scale(l.credit)::text, "
            "trim_scale(l.functional_debit)::text, trim_scale(l.functional_credit)::text, "
            "le.functional_currency, l.project_id, l.client_account_id, l.memo "
            "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
            "JOIN legal_entities le ON le.id = l.legal_entity_id WHERE l.ledger_account_id = ? "
            "AND l.entry_date >= coalesce(?::date, '-infinity') AND l.entry_date <= "
            "coalesce(?::date, 'infinity') AND l.id > ? ORDER BY l.id LIMIT ?"),
        {accountId, nullableDate(from), nullableDate(to), after, limit});
    QJsonArray out;
    while (q.next()) {
        const QString cur = q.value(6).toString(), fc = q.value(11).toString();
        out.append(
            QJsonObject{{"line_id", idToJson(q.value(0).toLongLong())},
                        {"entry_id", idToJson(q.value(1).toLongLong())},
                        {"date", dateToJson(q.value(2).toDate())},
                        {"description", q.value(3).toString()},
                        {"source_type", q.value(4).toString()},
                        {"source_id", q.value(5).toString()},
                        {"debit", money(q.value(7), cur)},
                        {"credit", money(q.value(8), cur)},
                        {"functional_debit", money(q.value(9), fc)},
                        {"functional_credit", money(q.value(10), fc)},
                        {"project_id", optIdJson(q.value(12))},
                        {"client_account_id", optIdJson(q.value(13))},
                        {"memo", q.value(14).isNull() ? QJsonValue() : q.value(14).toString()}});
    }
    return out;
}

QList<ExportLine> LedgerStore::exportLines(qint64 entityId, QDate from, QDate to) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT e.id, e.entry_date, e.description, e.source_type, e.source_id, a.number, "
            "a.name, a.type, l.currency, trim_scale(l.debit - l.credit)::text, "
            "trim_scale(l.functional_debit - l.functional_credit)::text, "
            "trim_scale(l.fx_rate)::text FROM journal_lines l "
            "JOIN journal_entries e ON e.id = l.entry_id "
            "JOIN ledger_accounts a ON a.id = l.ledger_account_id WHERE l.legal_entity_id = ? "
            "AND l.entry_date >= coalesce(?::date, '-infinity') AND l.entry_date <= "
            "coalesce(?::date, 'infinity') ORDER BY l.entry_date, e.id, l.seq"),
        {entityId, nullableDate(from), nullableDate(to)});
    QList<ExportLine> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toDate(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                    q.value(9).toString(), q.value(10).toString(), q.value(11).toString()});
    return out;
}

} // namespace keel
