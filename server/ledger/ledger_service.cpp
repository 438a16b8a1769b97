#include "ledger_service.h"

#include "audit/audit_log.h"
#include "fx_rates.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "ledger_access.h"
#include "permissions.h"
#include "workflow/state_machine.h"
#include "workflow/workflow_service.h"

#include <QUuid>

#include <algorithm>

namespace keel {

using namespace ledger_access;

namespace {

// Manual journals: proposed by one person, posted when another approves; any posted entry is
// corrected only by its reversal.
const StateMachine &entryMachine()
{
    static const StateMachine m{QStringLiteral("journal_entry"),
                                {"pending", "posted", "reversed", "rejected"},
                                QStringLiteral("pending"),
                                {{"pending", "approve", "posted"},
                                 {"pending", "reject", "rejected"},
                                 {"posted", "reverse", "reversed"}}};
    return m;
}

[[noreturn]] void periodClosed(QDate date)
{
    throw ApiError(Problem{423,
                           problemTypeUri(ErrorType::PeriodClosed),
                           QStringLiteral("Period closed"),
                           QStringLiteral("The accounting period of %1 is hard-closed; nothing "
                                          "can be posted into it.")
                               .arg(date.toString(Qt::ISODate)),
                           {}});
}

void audit(const Request &request, QSqlDatabase db, const QString &action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e =
        AuditEntry::from(request, action, QStringLiteral("journal_entry"), QString::number(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

Money zeroIfInvalid(const Money &m, const Currency &c)
{
    return m.isValid() ? m : Money::zero(c);
}

QString rateText(const Money &amount, const Money &functional)
{
    if (amount.currency() == functional.currency())
        return QStringLiteral("1");
    const auto r = functional.toDecimal().divide(amount.toDecimal());
    return r ? r->toString() : QStringLiteral("1");
}

} // namespace

void LedgerService::registerStateMachines()
{
    StateMachineRegistry::add(entryMachine());
}

QString LedgerService::templateForCountry(const QString &country)
{
    if (country == QLatin1String("GB") || country == QLatin1String("UK"))
        return QStringLiteral("UK");
    if (country == QLatin1String("DE"))
        return QStringLiteral("DE");
    return QStringLiteral("US");
}

int LedgerService::createChart(qint64 entityId, const QString &templ) const
{
    return m_store.createChart(entityId, templ);
}

int LedgerService::ensureFiscalYear(qint64 entityId, int year) const
{
    return m_store.ensurePeriods(entityId, QDate(year, 1, 1), QDate(year, 12, 31));
}

LedgerService::ChartIndex LedgerService::chartIndex(qint64 entityId) const
{
    ChartIndex chart;
    for (const LedgerAccount &a : m_store.accounts(entityId)) {
        if (!a.role.isEmpty())
            chart.byRole.insert(a.role, a.id);
        chart.byNumber.insert(a.number, a.id);
    }
    return chart;
}

QList<NewJournalLine> LedgerService::prepareLines(const LedgerEntity &entity,
                                                  const Posting &posting) const
{
    return prepareLines(entity, posting, chartIndex(entity.id));
}

QList<NewJournalLine> LedgerService::prepareLines(const LedgerEntity &entity,
                                                  const Posting &posting,
                                                  const ChartIndex &chart) const
{
    const Currency functional = Currency::fromCode(entity.functionalCurrency).value();
    const QHash<QString, qint64> &byRole = chart.byRole;
    const QHash<QString, qint64> &byNumber = chart.byNumber;
    QList<NewJournalLine> out;
    qint64 dr = 0, cr = 0;
    qsizetype converted = 0; // lines whose functional amount this function rounded
    int seq = 0;
    for (qsizetype i = 0; i < posting.lines.size(); ++i) {
        const PostingLine &p = posting.lines.at(i);
        const QString field = QStringLiteral("lines/%1").arg(i);
        const qint64 account =
            p.role.isEmpty() ? byNumber.value(p.accountNumber) : byRole.value(p.role);
        if (!account)
            throw ApiError::invalidField(
                field + QStringLiteral("/account"), "not_found",
                QStringLiteral("no account %1 in the chart of %2")
                    .arg(p.role.isEmpty() ? p.accountNumber : p.role, entity.code));
        const bool isDebit = p.debit.isValid() && !p.debit.isZero();
        const Money amount = isDebit ? p.debit : p.credit;
        if (!amount.isValid() || !amount.isPositive() ||
            (isDebit && p.credit.isValid() && !p.credit.isZero()))
            throw ApiError::invalidField(field, "invalid_value",
                                         QStringLiteral("one positive debit or credit"));
        if (!p.functional && !(amount.currency() == functional))
            ++converted;
        Money f = p.functional ? *p.functional
                               : convertOn(m_store.db(), amount, entity.functionalCurrency,
                                           posting.date, field + QStringLiteral("/currency"));
        if (!(f.currency() == functional) || f.isNegative())
            throw ApiError::invalidField(
                field, "invalid_value",
                QStringLiteral("the functional amount is in %1").arg(entity.functionalCurrency));
        (isDebit ? dr : cr) += f.minorUnits();
        const QString zero = Money::zero(amount.currency()).toString();
        const QString fzero = Money::zero(functional).toString();
        out.append({++seq, account, amount.currency().code(), isDebit ? amount.toString() : zero,
                    isDebit ? zero : amount.toString(), rateText(amount, f),
                    isDebit ? f.toString() : fzero, isDebit ? fzero : f.toString(), p.projectId,
                    p.clientId, p.practiceId, p.employeeId, p.memo});
    }
    // Converting each line once can leave up to a cent per converted line between the sides;
    // that goes to the rounding account. Anything else is a real imbalance.
    const qint64 diff = dr - cr;
    if (diff != 0) {
        if (std::llabs(diff) > converted || !byRole.contains(QStringLiteral("rounding")))
            throw ApiError::invalidField(
                QStringLiteral("lines"), "unbalanced",
                QStringLiteral("debits %1 and credits %2 %3 do not balance")
                    .arg(Money::fromMinor(dr, functional)->toString(),
                         Money::fromMinor(cr, functional)->toString(), functional.code()));
        const Money r = *Money::fromMinor(std::llabs(diff), functional);
        const QString fzero = Money::zero(functional).toString();
        out.append({++seq, byRole.value(QStringLiteral("rounding")), functional.code(),
                    diff < 0 ? r.toString() : fzero, diff < 0 ? fzero : r.toString(),
                    QStringLiteral("1"), diff < 0 ? r.toString() : fzero,
                    diff < 0 ? fzero : r.toString(), 0, 0, 0, 0, QStringLiteral("FX rounding")});
    }
    if (out.size() < 2)
        throw ApiError::invalidField(QStringLiteral("lines"), "too_few",
                                     QStringLiteral("a posting needs at least two lines"));
    return out;
}

PostingResult LedgerService::post(const Posting &posting) const
{
    db::Transaction tx(m_store.db());
    const auto entity = m_store.entity(posting.entityId);
    if (!entity)
        throw ApiError::notFound(
            QStringLiteral("There is no legal entity %1.").arg(posting.entityId));
    if (const qint64 existing =
            m_store.entryIdOf(posting.sourceType, posting.sourceId, posting.purpose)) {
        tx.commit();
        return {existing, false};
    }
    if (!m_store.hasChart(entity->id))
        m_store.createChart(entity->id, templateForCountry(entity->country));
    if (m_store.periodStatus(entity->id, posting.date) == QLatin1String("hard_closed"))
        periodClosed(posting.date);
    m_store.ensurePeriods(entity->id, posting.date, posting.date);
    const QList<NewJournalLine> lines = prepareLines(*entity, posting);
    NewJournalEntry e{entity->id,
                      posting.date,
                      posting.sourceType,
                      posting.sourceId,
                      posting.purpose,
                      posting.description.left(500),
                      QStringLiteral("posted"),
                      posting.reversesId,
                      {},
                      posting.createdBy,
                      posting.approvedBy};
    std::optional<qint64> id;
    try {
        id = m_store.insertEntry(e);
        if (id)
            for (const NewJournalLine &l : lines)
                m_store.insertLine(*id, l);
    } catch (const DbError &err) {
        if (err.sqlState() == QLatin1String("KL423"))
            periodClosed(posting.date);
        throw;
    }
    tx.commit();
    if (!id) // a concurrent transaction posted the same event first
        return {m_store.entryIdOf(posting.sourceType, posting.sourceId, posting.purpose), false};
    return {*id, true};
}

QList<PostingResult> LedgerService::postMany(const QList<Posting> &postings) const
{
    QList<PostingResult> out(postings.size());
    if (postings.isEmpty())
        return out;
    db::Transaction tx(m_store.db());
    struct EntityBatch
    {
        LedgerEntity entity;
        ChartIndex chart;
        QDate from, to;
        QHash<QDate, bool> hardClosed; // by first day of month
    };
    QHash<qint64, EntityBatch> entities;
    for (const Posting &p : postings) {
        auto it = entities.find(p.entityId);
        if (it == entities.end()) {
            const auto entity = m_store.entity(p.entityId);
            if (!entity)
                throw ApiError::notFound(
                    QStringLiteral("There is no legal entity %1.").arg(p.entityId));
            if (!m_store.hasChart(entity->id))
                m_store.createChart(entity->id, templateForCountry(entity->country));
            it = entities.insert(p.entityId, {*entity, chartIndex(entity->id), p.date, p.date, {}});
        }
        it->from = std::min(it->from, p.date);
        it->to = std::max(it->to, p.date);
    }
    for (EntityBatch &b : entities)
        m_store.ensurePeriods(b.entity.id, b.from, b.to);

    QList<NewJournalEntry> entries;
    QList<QList<NewJournalLine>> lines;
    entries.reserve(postings.size());
    lines.reserve(postings.size());
    for (const Posting &p : postings) {
        EntityBatch &b = entities[p.entityId];
        const QDate month(p.date.year(), p.date.month(), 1);
        auto closed = b.hardClosed.constFind(month);
        if (closed == b.hardClosed.constEnd())
            closed = b.hardClosed.insert(month, m_store.periodStatus(b.entity.id, p.date) ==
                                                    QLatin1String("hard_closed"));
        if (*closed)
            periodClosed(p.date);
        lines.append(prepareLines(b.entity, p, b.chart));
        entries.append({b.entity.id,
                        p.date,
                        p.sourceType,
                        p.sourceId,
                        p.purpose,
                        p.description.left(500),
                        QStringLiteral("posted"),
                        p.reversesId,
                        {},
                        p.createdBy,
                        p.approvedBy});
    }
    QList<std::pair<qint64, NewJournalLine>> newLines;
    try {
        const QList<qint64> ids = m_store.insertEntries(entries);
        for (qsizetype i = 0; i < postings.size(); ++i) {
            if (ids.at(i)) {
                out[i] = {ids.at(i), true};
                for (const NewJournalLine &l : lines.at(i))
                    newLines.append({ids.at(i), l});
            } else {
                const Posting &p = postings.at(i);
                out[i] = {m_store.entryIdOf(p.sourceType, p.sourceId, p.purpose), false};
            }
        }
        m_store.insertLines(newLines);
    } catch (const DbError &err) {
        if (err.sqlState() == QLatin1String("KL423"))
            periodClosed(postings.first().date);
        throw;
    }
    tx.commit();
    return out;
}

QJsonObject LedgerService::createChart(const Request &request, qint64 entityId,
                                       const QJsonObject &body) const
{
    const LedgerEntity entity = visibleEntity(m_store, request, entityId, Permission::FinanceUse);
    JsonReader in(body);
    const QString templ =
        in.optionalString(QStringLiteral("template")).value_or(templateForCountry(entity.country));
    if (in.ok() && templ != QLatin1String("US") && templ != QLatin1String("UK") &&
        templ != QLatin1String("DE"))
        in.addError(QStringLiteral("template"), "invalid_value", QStringLiteral("US, UK or DE"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    db::Transaction tx(m_store.db());
    const int added = m_store.createChart(entity.id, templ);
    QJsonObject out = chart(request, entityId);
    out.insert(QStringLiteral("added"), added);
    AuditEntry a = AuditEntry::from(request, QStringLiteral("ledger_chart.create"),
                                    QStringLiteral("legal_entity"), QString::number(entity.id));
    a.after = QJsonObject{{"template", templ}, {"added", added}};
    appendAudit(m_store.db(), a);
    tx.commit();
    return out;
}

QJsonObject LedgerService::chart(const Request &request, qint64 entityId) const
{
    const LedgerEntity entity = visibleEntity(m_store, request, entityId, Permission::FinanceUse);
    QJsonArray items;
    for (const LedgerAccount &a : m_store.accounts(entity.id))
        items.append(QJsonObject{{"id", idToJson(a.id)},
                                 {"number", a.number},
                                 {"name", a.name},
                                 {"type", a.type},
                                 {"role", a.role.isEmpty() ? QJsonValue() : a.role}});
    return {{"legal_entity", entity.code},
            {"functional_currency", entity.functionalCurrency},
            {"items", items}};
}

QJsonObject LedgerService::entry(const Request &request, qint64 id) const
{
    const auto row = m_store.entry(id, false);
    if (!row || !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)),
                        row->entity))
        throw ApiError::notFound(QStringLiteral("There is no journal entry %1.").arg(id));
    return row->json;
}

namespace {

// A manual journal's lines as posting lines; field errors go to `in`.
QList<PostingLine> manualLines(JsonReader &in, const QJsonArray &lines)
{
    QList<PostingLine> out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString name = QStringLiteral("lines/%1").arg(i);
        JsonReader l = in.child(name, lines.at(i).toObject());
        PostingLine p;
        p.accountNumber = l.requiredString(QStringLiteral("account"));
        const auto d = l.optionalMoney(QStringLiteral("debit"));
        const auto c = l.optionalMoney(QStringLiteral("credit"));
        if (l.ok() &&
            (d.has_value() == c.has_value() || (d && !d->isPositive()) || (c && !c->isPositive())))
            l.addError(QStringLiteral("debit"), "invalid_value",
                       QStringLiteral("one positive debit or credit"));
        if (d)
            p.debit = *d;
        if (c)
            p.credit = *c;
        p.projectId = l.optionalInt64(QStringLiteral("project_id")).value_or(0);
        p.employeeId = l.optionalInt64(QStringLiteral("employee_id")).value_or(0);
        p.memo = l.optionalString(QStringLiteral("memo")).value_or(QString()).left(500);
        in.addErrors(l.errors());
        out.append(p);
    }
    return out;
}

} // namespace

QJsonObject LedgerService::createManual(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const qint64 entityId = in.requiredInt64(QStringLiteral("legal_entity_id"));
    const QDate date = in.requiredDate(QStringLiteral("date"));
    const QString description = in.requiredString(QStringLiteral("description")).trimmed();
    const QJsonArray lines = in.requiredArray(QStringLiteral("lines"));
    if (in.ok() && description.size() > 500)
        in.addError(QStringLiteral("description"), "invalid_value",
                    QStringLiteral("at most 500 characters"));
    if (in.ok() && lines.size() < 2)
        in.addError(QStringLiteral("lines"), "too_few", QStringLiteral("at least two lines"));
    const QList<PostingLine> postingLines = in.ok() ? manualLines(in, lines) : QList<PostingLine>{};
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    const LedgerEntity entity = visibleEntity(m_store, request, entityId, Permission::LedgerPost);
    for (qsizetype i = 0; i < postingLines.size(); ++i) {
        const PostingLine &l = postingLines.at(i);
        if (l.projectId &&
            !m_store.dimensionOfEntity(QStringLiteral("projects"), l.projectId, entity.id))
            in.addError(QStringLiteral("lines/%1/project_id").arg(i), "unknown",
                        QStringLiteral("no project %1 of %2").arg(l.projectId).arg(entity.code));
        if (l.employeeId &&
            !m_store.dimensionOfEntity(QStringLiteral("employees"), l.employeeId, entity.id))
            in.addError(QStringLiteral("lines/%1/employee_id").arg(i), "unknown",
                        QStringLiteral("no employee %1 of %2").arg(l.employeeId).arg(entity.code));
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    if (!m_store.hasChart(entity.id))
        m_store.createChart(entity.id, templateForCountry(entity.country));
    if (m_store.periodStatus(entity.id, date) == QLatin1String("hard_closed"))
        periodClosed(date);
    m_store.ensurePeriods(entity.id, date, date);
    Posting p{entity.id,
              date,
              QStringLiteral("manual_journal"),
              QString(),
              QStringLiteral("post"),
              description,
              postingLines,
              request.caller().user.id};
    prepareLines(entity, p); // 422 now rather than at approval
    NewJournalEntry e{entity.id,
                      date,
                      QStringLiteral("manual_journal"),
                      QUuid::createUuid().toString(QUuid::WithoutBraces),
                      QStringLiteral("post"),
                      description,
                      QStringLiteral("pending"),
                      0,
                      lines,
                      request.caller().user.id,
                      0};
    const qint64 id = *m_store.insertEntry(e);
    audit(request, m_store.db(), QStringLiteral("journal_entry.create"), id, {},
          m_store.entry(id, false)->json);
    qint64 debits = 0; // the size of the entry, for policies: its debits in transaction currency
    for (const PostingLine &l : postingLines)
        if (l.debit.isValid())
            debits += l.debit.minorUnits();
    const qint64 approval =
        m_workflow
            ? m_workflow->submit(
                  m_store.db(), request,
                  ApprovalSubject{
                      QStringLiteral("journal_entry"),
                      QString::number(id),
                      entity.code,
                      QString(),
                      request.caller().user.id,
                      QStringLiteral("Journal entry %1: %2").arg(id).arg(description),
                      {{"amount",
                        Decimal::fromInt(debits).divide(Decimal::fromInt(100))->toString()}}})
            : 0;
    if (approval == 0)
        manualApproved(request, id);
    QJsonObject after = m_store.entry(id, false)->json;
    if (approval)
        after.insert(QStringLiteral("approval_id"), idToJson(approval));
    tx.commit();
    return after;
}

void LedgerService::manualApproved(const Request &request, qint64 id) const
{
    const auto row = m_store.entry(id, true);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no journal entry %1.").arg(id));
    const QString to = entryMachine().next(row->status, QStringLiteral("approve"));
    JsonReader lines(QJsonObject{{"lines", row->proposedLines}});
    Posting p{row->entityId,
              row->date,
              row->sourceType,
              row->sourceId,
              row->purpose,
              row->description,
              manualLines(lines, row->proposedLines),
              row->createdBy,
              request.caller().user.id};
    const auto entity = m_store.entity(row->entityId);
    const QList<NewJournalLine> prepared = prepareLines(*entity, p);
    if (m_store.periodStatus(row->entityId, row->date) == QLatin1String("hard_closed"))
        periodClosed(row->date);
    const qint64 approver =
        request.caller().user.id == row->createdBy ? 0 : request.caller().user.id;
    m_store.setStatus(id, to, approver, QString());
    for (const NewJournalLine &l : prepared)
        m_store.insertLine(id, l);
    audit(request, m_store.db(), QStringLiteral("journal_entry.approve"), id, row->json,
          m_store.entry(id, false)->json);
}

void LedgerService::manualRejected(const Request &request, qint64 id, const QString &comment) const
{
    const auto row = m_store.entry(id, true);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no journal entry %1.").arg(id));
    const QString to = entryMachine().next(row->status, QStringLiteral("reject"));
    m_store.setStatus(id, to, 0, comment);
    audit(request, m_store.db(), QStringLiteral("journal_entry.reject"), id, row->json,
          m_store.entry(id, false)->json);
}

QJsonObject LedgerService::reverse(const Request &request, qint64 id, const QJsonObject &body) const
{
    JsonReader in(body);
    const auto date = in.optionalDate(QStringLiteral("date"));
    const auto description = in.optionalString(QStringLiteral("description"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const auto row = m_store.entry(id, true);
    if (!row || !covers(request.caller().entitiesFor(QString::fromLatin1(Permission::LedgerPost)),
                        row->entity))
        throw ApiError::notFound(QStringLiteral("There is no journal entry %1.").arg(id));
    entryMachine().next(row->status, QStringLiteral("reverse"));
    if (row->sourceType == QLatin1String("reversal"))
        throw ApiError::conflict(QStringLiteral("A reversal is not reversed; post a new entry."));
    // A reversal creates a document rather than editing one: the version is checked when sent.
    if (body.contains(QStringLiteral("version")) || !request.header("If-Match").isEmpty())
        requireVersion(request, body, row->version);
    const auto entity = m_store.entity(row->entityId);
    const Currency fc = Currency::fromCode(entity->functionalCurrency).value();
    // The mirror image at the original functional amounts, so the pair nets to zero exactly.
    QList<PostingLine> lines;
    for (const QJsonValue &v : row->json.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        PostingLine p;
        p.accountNumber = l.value("account_number").toString();
        const auto d = moneyFromJson(l.value("debit"));
        const auto c = moneyFromJson(l.value("credit"));
        const auto fd = moneyFromJson(l.value("functional_debit"));
        const auto fcr = moneyFromJson(l.value("functional_credit"));
        const bool wasDebit = d && !d->isZero();
        p.debit = wasDebit ? Money() : *c;
        p.credit = wasDebit ? *d : Money();
        p.functional = zeroIfInvalid(wasDebit ? *fd : *fcr, fc);
        p.projectId = l.value("project_id").toString().toLongLong();
        p.clientId = l.value("client_account_id").toString().toLongLong();
        p.practiceId = l.value("practice_id").toString().toLongLong();
        p.employeeId = l.value("employee_id").toString().toLongLong();
        p.memo = l.value("memo").toString();
        lines.append(p);
    }
    const QDate on =
        date.value_or(m_store.periodStatus(row->entityId, row->date) == QLatin1String("hard_closed")
                          ? QDate::currentDate()
                          : row->date);
    const PostingResult r =
        post(Posting{row->entityId, on, QStringLiteral("reversal"), QString::number(id),
                     QStringLiteral("reverse"),
                     description.value_or(
                         QStringLiteral("Reversal of entry %1: %2").arg(id).arg(row->description)),
                     lines, request.caller().user.id, 0, id});
    m_store.setStatus(id, QStringLiteral("reversed"), 0, QString());
    const QJsonObject after = m_store.entry(r.entryId, false)->json;
    audit(request, m_store.db(), QStringLiteral("journal_entry.reverse"), id, row->json,
          m_store.entry(id, false)->json);
    tx.commit();
    return after;
}

} // namespace keel
