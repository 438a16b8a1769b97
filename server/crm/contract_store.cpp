#include "contract_store.h"

#include "db/pg_array.h"
#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace {

using db::PgArray;

QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

const QString kContractColumns = QStringLiteral(
    "SELECT c.id, c.legal_entity_id, le.code, c.account_id, a.name, coalesce(c.quote_id, 0), "
    "coalesce(c.opportunity_id, 0), coalesce(c.offering_id, 0), coalesce(c.practice_id, 0), "
    "coalesce(p.code, ''), coalesce(c.project_manager_id, 0), coalesce(c.number, ''), c.title, "
    "c.currency, c.payment_terms, c.tax_profile, c.start_date, c.end_date, c.signature_date, "
    "c.status, trim_scale(c.total_value)::text, c.contract_version, c.version "
    "FROM contracts c JOIN legal_entities le ON le.id = c.legal_entity_id "
    "JOIN accounts a ON a.id = c.account_id LEFT JOIN practices p ON p.id = c.practice_id ");

ContractRow contractFrom(const QSqlQuery &q)
{
    ContractRow r;
    r.id = q.value(0).toLongLong();
    r.legalEntityId = q.value(1).toLongLong();
    r.legalEntity = q.value(2).toString();
    r.accountId = q.value(3).toLongLong();
    r.accountName = q.value(4).toString();
    r.quoteId = q.value(5).toLongLong();
    r.opportunityId = q.value(6).toLongLong();
    r.offeringId = q.value(7).toLongLong();
    r.practiceId = q.value(8).toLongLong();
    r.practice = q.value(9).toString();
    r.projectManagerId = q.value(10).toLongLong();
    r.number = q.value(11).toString();
    r.title = q.value(12).toString();
    r.currency = q.value(13).toString();
    r.paymentTerms = q.value(14).toString();
    r.taxProfile = q.value(15).toString();
    r.startDate = q.value(16).toDate();
    r.endDate = q.value(17).toDate();
    r.signatureDate = q.value(18).toDate();
    r.status = q.value(19).toString();
    r.totalValue = q.value(20).toString();
    r.contractVersion = q.value(21).toInt();
    r.version = q.value(22).toInt();
    return r;
}

std::optional<Decimal> decimalOf(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    const auto d = Decimal::parse(v.toString());
    return d ? std::optional<Decimal>(*d) : std::nullopt;
}

std::optional<Money> moneyOf(const QVariant &v, const Currency &c)
{
    if (v.isNull())
        return std::nullopt;
    const auto m = Money::parse(v.toString(), c);
    return m ? std::optional<Money>(*m) : std::nullopt;
}

const QString kChangeOrderColumns =
    QStringLiteral("SELECT id, contract_id, base_version, status, reason, changes::text, "
                   "trim_scale(value_before)::text, trim_scale(value_after)::text, "
                   "coalesce(approval_request_id, 0), coalesce(decision_comment, ''), "
                   "coalesce(submitted_by, 0), version FROM contract_change_orders ");

ChangeOrderRow changeOrderFrom(const QSqlQuery &q)
{
    ChangeOrderRow r;
    r.id = q.value(0).toLongLong();
    r.contractId = q.value(1).toLongLong();
    r.baseVersion = q.value(2).toInt();
    r.status = q.value(3).toString();
    r.reason = q.value(4).toString();
    r.changes = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    r.valueBefore = q.value(6).toString();
    r.valueAfter = q.value(7).toString();
    r.approvalRequestId = q.value(8).toLongLong();
    r.decisionComment = q.value(9).toString();
    r.submittedBy = q.value(10).toLongLong();
    r.version = q.value(11).toInt();
    return r;
}

} // namespace

QSqlDatabase ContractStore::db() const
{
    return db::connection(m_config);
}

std::optional<qint64> ContractStore::legalEntityIdByCode(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), {code});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<qint64> ContractStore::practiceIdByCode(const QString &code) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM practices WHERE code = ?"), {code});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

bool ContractStore::userExists(qint64 id) const
{
    QSqlQuery q = db::query(db(), QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {id});
    return q.next();
}

QList<qint64> ContractStore::unknownJobRoles(const QList<qint64> &ids) const
{
    PgArray a;
    for (qint64 id : ids)
        a.add(id);
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT DISTINCT u.id FROM unnest(?::bigint[]) u(id) "
                                           "WHERE NOT EXISTS (SELECT 1 FROM job_roles j "
                                           "WHERE j.id = u.id)"),
                            {a.literal()});
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

std::optional<AccountFacts> ContractStore::account(qint64 id) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, legal_entity_id, name, billing_currency, "
                                           "payment_terms_days, tax_profile, merged_into IS NOT "
                                           "NULL FROM accounts WHERE id = ?"),
                            {id});
    if (!q.next())
        return std::nullopt;
    return AccountFacts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                        q.value(3).toString(),   q.value(4).toInt(),      q.value(5).toString(),
                        q.value(6).toBool()};
}

std::optional<QuoteFacts> ContractStore::quote(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT q.id, q.legal_entity_id, le.code, q.account_id, q.opportunity_id, "
                       "coalesce(o.offering_id, 0), coalesce(o.practice_id, 0), q.title, "
                       "q.currency, q.status, trim_scale(q.net_value)::text, "
                       "trim_scale(q.list_value)::text FROM quotes q "
                       "JOIN legal_entities le ON le.id = q.legal_entity_id "
                       "JOIN opportunities o ON o.id = q.opportunity_id WHERE q.id = ?") +
            (lock ? QStringLiteral(" FOR SHARE OF q") : QString()),
        {id});
    if (!q.next())
        return std::nullopt;
    QuoteFacts f;
    f.id = q.value(0).toLongLong();
    f.legalEntityId = q.value(1).toLongLong();
    f.legalEntity = q.value(2).toString();
    f.accountId = q.value(3).toLongLong();
    f.opportunityId = q.value(4).toLongLong();
    f.offeringId = q.value(5).toLongLong();
    f.practiceId = q.value(6).toLongLong();
    f.title = q.value(7).toString();
    f.currency = q.value(8).toString();
    f.status = q.value(9).toString();
    f.netValue = q.value(10).toString();
    f.listValue = q.value(11).toString();
    return f;
}

QList<QuoteLineFacts> ContractStore::quoteLines(qint64 quoteId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT l.id, l.line_no, l.kind, l.description, coalesce(l.job_role_id, 0), "
                       "coalesce(j.name, ''), coalesce(trim_scale(l.hours)::text, ''), "
                       "coalesce(trim_scale(l.rate)::text, ''), "
                       "coalesce(trim_scale(l.cost_rate)::text, ''), "
                       "trim_scale(l.list_amount)::text, trim_scale(l.cost_amount)::text "
                       "FROM quote_lines l LEFT JOIN job_roles j ON j.id = l.job_role_id "
                       "WHERE l.quote_id = ? ORDER BY l.line_no"),
        {quoteId});
    QList<QuoteLineFacts> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString(),
                    q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                    q.value(9).toString(), q.value(10).toString()});
    return out;
}

bool ContractStore::contractExistsForQuote(qint64 quoteId) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT 1 FROM contracts WHERE quote_id = ?"), {quoteId});
    return q.next();
}

std::optional<ContractRow> ContractStore::contract(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kContractColumns + QStringLiteral("WHERE c.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF c") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return contractFrom(q);
}

QList<ContractRow> ContractStore::list(const QStringList &entities, const QString &status,
                                       qint64 accountId, qint64 after, int limit) const
{
    QString sql = kContractColumns + QStringLiteral("WHERE c.id > ? ");
    QVariantList binds{after};
    if (!entities.contains(QStringLiteral("*"))) {
        PgArray codes;
        for (const QString &e : entities)
            codes.add(e);
        sql += QStringLiteral("AND le.code = ANY (?::text[]) ");
        binds.append(codes.literal());
    }
    if (!status.isEmpty()) {
        sql += QStringLiteral("AND c.status = ? ");
        binds.append(status);
    }
    if (accountId) {
        sql += QStringLiteral("AND c.account_id = ? ");
        binds.append(accountId);
    }
    sql += QStringLiteral("ORDER BY c.id LIMIT ?");
    binds.append(limit);
    QSqlQuery q = db::query(db(), sql, binds);
    QList<ContractRow> out;
    while (q.next())
        out.append(contractFrom(q));
    return out;
}

qint64 ContractStore::insertContract(const NewContract &c) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO contracts (legal_entity_id, account_id, quote_id, "
                       "opportunity_id, offering_id, practice_id, project_manager_id, title, "
                       "currency, payment_terms, tax_profile, start_date, end_date, total_value, "
                       "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?) "
                       "RETURNING id"),
        {c.legalEntityId, c.accountId, nullableId(c.quoteId), nullableId(c.opportunityId),
         nullableId(c.offeringId), nullableId(c.practiceId), nullableId(c.projectManagerId),
         c.title, c.currency, c.paymentTerms, c.taxProfile, c.startDate, c.endDate, c.totalValue,
         nullableId(c.createdBy)});
    q.next();
    return q.value(0).toLongLong();
}

void ContractStore::insertLines(qint64 contractId, const QList<ContractLine> &lines,
                                int firstLineNo) const
{
    if (lines.isEmpty())
        return;
    PgArray no, desc, model, value, quoteLine, role, hours, rate, costRate, costAmount, rateList,
        cap, monthly, drawdown, rollover, fee, period, start, end;
    PgArray iNo, iKind, iSeq, iName, iAmount, iDate, iRole, iRate;
    int lineNo = firstLineNo;
    for (const ContractLine &l : lines) {
        no.add(QString::number(lineNo));
        desc.add(l.description);
        model.add(l.billingModel);
        value.add(l.value.toString());
        quoteLine.add(l.quoteLineId);
        role.add(l.jobRoleId);
        hours.add(l.hours);
        rate.add(l.rate);
        costRate.add(l.costRate);
        costAmount.add(l.costAmount);
        rateList.addText(l.rateList);
        cap.add(l.notToExceed);
        monthly.add(l.monthlyAmount);
        drawdown.add(l.drawdownHours);
        rollover.addText(l.rollover);
        fee.add(l.feePerPeriod);
        period.addText(l.period);
        start.add(l.startDate);
        end.add(l.endDate);
        const auto item = [&](const QString &kind, int seq, const QString &name,
                              const std::optional<Money> &amount, QDate date, qint64 jobRole,
                              const std::optional<Decimal> &r) {
            iNo.add(QString::number(lineNo));
            iKind.add(kind);
            iSeq.add(QString::number(seq));
            iName.addText(name);
            iAmount.add(amount);
            iDate.add(date);
            iRole.add(jobRole);
            iRate.add(r);
        };
        int seq = 0;
        for (const ContractLineItem &s : l.schedule)
            item(QStringLiteral("schedule"), ++seq, {}, s.amount, s.date, 0, std::nullopt);
        seq = 0;
        for (const ContractLineItem &m : l.milestones)
            item(QStringLiteral("milestone"), ++seq, m.name, m.amount, m.date, 0, std::nullopt);
        seq = 0;
        for (const ContractLineRate &r : l.rates)
            item(QStringLiteral("rate"), ++seq, {}, std::nullopt, {}, r.jobRoleId, r.rate);
        ++lineNo;
    }
    db::query(
        db(),
        QStringLiteral(
            "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, value, "
            "quote_line_id, job_role_id, hours, rate, cost_rate, cost_amount, rate_list, "
            "not_to_exceed, monthly_amount, drawdown_hours, rollover, fee_per_period, period, "
            "start_date, end_date) "
            "SELECT ?::bigint, * FROM unnest(?::int[], ?::text[], ?::text[], ?::numeric[], "
            "?::bigint[], "
            "?::bigint[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::text[], "
            "?::numeric[], ?::numeric[], ?::numeric[], ?::text[], ?::numeric[], ?::text[], "
            "?::date[], ?::date[])"),
        {contractId,      no.literal(),        desc.literal(),       model.literal(),
         value.literal(), quoteLine.literal(), role.literal(),       hours.literal(),
         rate.literal(),  costRate.literal(),  costAmount.literal(), rateList.literal(),
         cap.literal(),   monthly.literal(),   drawdown.literal(),   rollover.literal(),
         fee.literal(),   period.literal(),    start.literal(),      end.literal()});
    db::query(db(),
              QStringLiteral(
                  "INSERT INTO contract_line_items (line_id, contract_id, kind, seq, name, amount, "
                  "due_date, job_role_id, rate) "
                  "SELECT l.id, l.contract_id, u.kind, u.seq, u.name, u.amount, u.due, u.role, "
                  "u.rate FROM unnest(?::int[], ?::text[], ?::int[], ?::text[], ?::numeric[], "
                  "?::date[], ?::bigint[], ?::numeric[]) AS u(line_no, kind, seq, name, amount, "
                  "due, role, rate) JOIN contract_lines l ON l.contract_id = ? "
                  "AND l.line_no = u.line_no"),
              {iNo.literal(), iKind.literal(), iSeq.literal(), iName.literal(), iAmount.literal(),
               iDate.literal(), iRole.literal(), iRate.literal(), contractId});
}

void ContractStore::deleteLines(qint64 contractId, const QList<qint64> &lineIds) const
{
    if (lineIds.isEmpty())
        return;
    PgArray ids;
    for (qint64 id : lineIds)
        ids.add(id);
    db::query(db(),
              QStringLiteral("DELETE FROM contract_lines WHERE contract_id = ? "
                             "AND id = ANY (?::bigint[])"),
              {contractId, ids.literal()});
}

QList<ContractLine> ContractStore::lines(qint64 contractId, const QString &currencyCode) const
{
    const Currency currency = Currency::fromCode(currencyCode).valueOr(Currency());
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT id, line_no, description, billing_model, trim_scale(value)::text, "
            "coalesce(quote_line_id, 0), coalesce(job_role_id, 0), trim_scale(hours)::text, "
            "trim_scale(rate)::text, trim_scale(cost_rate)::text, trim_scale(cost_amount)::text, "
            "coalesce(rate_list, ''), trim_scale(not_to_exceed)::text, "
            "trim_scale(monthly_amount)::text, trim_scale(drawdown_hours)::text, "
            "coalesce(rollover, ''), trim_scale(fee_per_period)::text, coalesce(period, ''), "
            "start_date, end_date FROM contract_lines WHERE contract_id = ? ORDER BY line_no"),
        {contractId});
    QList<ContractLine> out;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        ContractLine l;
        l.id = q.value(0).toLongLong();
        l.lineNo = q.value(1).toInt();
        l.description = q.value(2).toString();
        l.billingModel = q.value(3).toString();
        l.value = moneyOf(q.value(4), currency).value_or(Money());
        l.quoteLineId = q.value(5).toLongLong();
        l.jobRoleId = q.value(6).toLongLong();
        l.hours = decimalOf(q.value(7));
        l.rate = decimalOf(q.value(8));
        l.costRate = decimalOf(q.value(9));
        l.costAmount = moneyOf(q.value(10), currency);
        l.rateList = q.value(11).toString();
        l.notToExceed = moneyOf(q.value(12), currency);
        l.monthlyAmount = moneyOf(q.value(13), currency);
        l.drawdownHours = decimalOf(q.value(14));
        l.rollover = q.value(15).toString();
        l.feePerPeriod = moneyOf(q.value(16), currency);
        l.period = q.value(17).toString();
        l.startDate = q.value(18).toDate();
        l.endDate = q.value(19).toDate();
        index.insert(l.id, out.size());
        out.append(l);
    }
    QSqlQuery items =
        db::query(db(),
                  QStringLiteral(
                      "SELECT line_id, kind, coalesce(name, ''), trim_scale(amount)::text, "
                      "due_date, coalesce(job_role_id, 0), trim_scale(rate)::text "
                      "FROM contract_line_items WHERE contract_id = ? ORDER BY line_id, kind, seq"),
                  {contractId});
    while (items.next()) {
        const auto it = index.constFind(items.value(0).toLongLong());
        if (it == index.constEnd())
            continue;
        ContractLine &l = out[*it];
        const QString kind = items.value(1).toString();
        if (kind == QLatin1String("rate")) {
            l.rates.append(
                {items.value(5).toLongLong(), decimalOf(items.value(6)).value_or(Decimal())});
        } else {
            ContractLineItem item{items.value(2).toString(),
                                  moneyOf(items.value(3), currency).value_or(Money()),
                                  items.value(4).toDate()};
            (kind == QLatin1String("schedule") ? l.schedule : l.milestones).append(item);
        }
    }
    return out;
}

int ContractStore::maxLineNo(qint64 contractId) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT coalesce(max(line_no), 0) FROM contract_lines WHERE "
                                 "contract_id = ?"),
                  {contractId});
    q.next();
    return q.value(0).toInt();
}

int ContractStore::takeNumber(qint64 legalEntityId, int year) const
{
    // The row lock held until commit serialises signers of one entity and year; a rollback
    // returns the number, so the sequence stays gapless.
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO contract_number_counters AS c (legal_entity_id, year, "
                       "last_number) VALUES (?, ?, 1) ON CONFLICT (legal_entity_id, year) "
                       "DO UPDATE SET last_number = c.last_number + 1 RETURNING last_number"),
        {legalEntityId, year});
    q.next();
    return q.value(0).toInt();
}

void ContractStore::markSigned(qint64 id, const QString &number, QDate signatureDate) const
{
    db::query(db(),
              QStringLiteral("UPDATE contracts SET status = 'signed', number = ?, "
                             "signature_date = ?, version = version + 1, updated_at = now() "
                             "WHERE id = ?"),
              {number, signatureDate, id});
}

void ContractStore::setStatus(qint64 id, const QString &status) const
{
    db::query(db(),
              QStringLiteral("UPDATE contracts SET status = ?, version = version + 1, "
                             "updated_at = now() WHERE id = ?"),
              {status, id});
}

void ContractStore::applyAmendment(qint64 id, const QString &totalValue, QDate start, QDate end,
                                   int contractVersion) const
{
    db::query(db(),
              QStringLiteral("UPDATE contracts SET status = 'amended', total_value = ?::numeric, "
                             "start_date = ?, end_date = ?, contract_version = ?, "
                             "version = version + 1, updated_at = now() WHERE id = ?"),
              {totalValue, start, end, contractVersion, id});
}

void ContractStore::insertVersion(qint64 contractId, int contractVersion, const QString &totalValue,
                                  QDate start, QDate end, const QJsonArray &lines,
                                  qint64 changeOrderId, qint64 userId) const
{
    db::query(db(),
              QStringLiteral("INSERT INTO contract_versions (contract_id, contract_version, "
                             "total_value, start_date, end_date, lines, change_order_id, "
                             "created_by) VALUES (?, ?, ?::numeric, ?, ?, ?::jsonb, ?, ?)"),
              {contractId, contractVersion, totalValue, start, end,
               QString::fromUtf8(QJsonDocument(lines).toJson(QJsonDocument::Compact)),
               nullableId(changeOrderId), nullableId(userId)});
}

std::optional<QJsonObject> ContractStore::version(qint64 contractId, int contractVersion) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT trim_scale(v.total_value)::text, c.currency, v.start_date, "
                       "v.end_date, v.lines::text, v.change_order_id, v.created_at "
                       "FROM contract_versions v JOIN contracts c ON c.id = v.contract_id "
                       "WHERE v.contract_id = ? AND v.contract_version = ?"),
        {contractId, contractVersion});
    if (!q.next())
        return std::nullopt;
    const auto total = Money::parse(q.value(0).toString(), q.value(1).toString());
    return QJsonObject{
        {"contract_id", idToJson(contractId)},
        {"contract_version", contractVersion},
        {"total_value", total ? QJsonValue(moneyToJson(*total)) : QJsonValue()},
        {"start_date", dateToJson(q.value(2).toDate())},
        {"end_date", dateToJson(q.value(3).toDate())},
        {"lines", QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array()},
        {"change_order_id", q.value(5).isNull() ? QJsonValue() : idToJson(q.value(5).toLongLong())},
        {"created_at", instantToJson(q.value(6).toDateTime())}};
}

QJsonArray ContractStore::versionNumbers(qint64 contractId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT contract_version FROM contract_versions "
                                           "WHERE contract_id = ? ORDER BY contract_version"),
                            {contractId});
    QJsonArray out;
    while (q.next())
        out.append(q.value(0).toInt());
    return out;
}

qint64 ContractStore::insertChangeOrder(const ChangeOrderRow &co, qint64 legalEntityId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO contract_change_orders (contract_id, legal_entity_id, "
                       "base_version, reason, changes, value_before, value_after, submitted_by) "
                       "VALUES (?, ?, ?, ?, ?::jsonb, ?::numeric, ?::numeric, ?) RETURNING id"),
        {co.contractId, legalEntityId, co.baseVersion, co.reason,
         QString::fromUtf8(QJsonDocument(co.changes).toJson(QJsonDocument::Compact)),
         co.valueBefore, co.valueAfter, nullableId(co.submittedBy)});
    q.next();
    return q.value(0).toLongLong();
}

void ContractStore::setChangeOrderRequest(qint64 id, qint64 requestId) const
{
    db::query(db(),
              QStringLiteral("UPDATE contract_change_orders SET approval_request_id = ? "
                             "WHERE id = ?"),
              {nullableId(requestId), id});
}

std::optional<ChangeOrderRow> ContractStore::changeOrder(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kChangeOrderColumns + QStringLiteral("WHERE id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return changeOrderFrom(q);
}

QList<ChangeOrderRow> ContractStore::changeOrders(qint64 contractId, qint64 after, int limit) const
{
    QSqlQuery q = db::query(db(),
                            kChangeOrderColumns +
                                QStringLiteral("WHERE contract_id = ? AND id > ? ORDER BY id "
                                               "LIMIT ?"),
                            {contractId, after, limit});
    QList<ChangeOrderRow> out;
    while (q.next())
        out.append(changeOrderFrom(q));
    return out;
}

void ContractStore::decideChangeOrder(qint64 id, const QString &status,
                                      const QString &comment) const
{
    db::query(db(),
              QStringLiteral("UPDATE contract_change_orders SET status = ?, decision_comment = ?, "
                             "decided_at = now(), version = version + 1 WHERE id = ?"),
              {status, comment.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : comment, id});
}

} // namespace keel
