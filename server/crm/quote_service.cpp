#include "quote_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"
#include "permissions.h"
#include "quote_pricing.h"
#include "rate_card_service.h"
#include "workflow/workflow_service.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel {

namespace {

struct QuoteInput
{
    QString currency;
    QDate quoteDate;
    Decimal discountPct;
    QString title;
    QString notes;
    QJsonArray lines;
};

struct LineRow
{
    QString kind;
    QString description;
    qint64 jobRoleId = 0;
    Decimal hours;
    Decimal rate;
    QString rateSource;
    Decimal costRate;
    Money list;
    Money cost;
};

struct Priced
{
    QList<LineRow> lines;
    pricing::Totals totals;
};

struct OppInfo
{
    qint64 id = 0;
    qint64 entityId = 0;
    QString entity;
    QString practice;
    qint64 accountId = 0;
    QString currency;
    QString name;
    QString targetMargin; // "" when none
};

OppInfo opportunityInfo(QSqlDatabase db, const Request &request, qint64 id, const QString &field)
{
    QSqlQuery q =
        db::query(db,
                  QStringLiteral(
                      "SELECT o.id, o.legal_entity_id, e.code, coalesce(p.code, ''), o.account_id, "
                      "o.currency, o.name, coalesce(o.target_margin_pct::text, '') FROM "
                      "opportunities o JOIN legal_entities e ON e.id = o.legal_entity_id LEFT "
                      "JOIN practices p ON p.id = o.practice_id WHERE o.id = ?"),
                  {id});
    if (!q.next() || !crm::coversEntity(crm::entitiesFor(request, Permission::SalesUse),
                                        q.value(2).toString())) {
        if (field.isEmpty())
            throw ApiError::notFound(QStringLiteral("There is no opportunity %1.").arg(id));
        throw ApiError::invalidField(field, QStringLiteral("unknown"),
                                     QStringLiteral("no such opportunity"));
    }
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
            q.value(3).toString(),   q.value(4).toLongLong(), q.value(5).toString(),
            q.value(6).toString(),   q.value(7).toString()};
}

QuoteInput readInput(JsonReader &in, const QuoteInput &defaults)
{
    QuoteInput r = defaults;
    if (in.has(QStringLiteral("currency")))
        r.currency = crm::readCurrency(in, QStringLiteral("currency"));
    if (const auto d = in.optionalDate(QStringLiteral("quote_date")))
        r.quoteDate = *d;
    if (const auto d = in.optionalDecimal(QStringLiteral("discount_pct")))
        r.discountPct = *d;
    if (const auto t = in.optionalString(QStringLiteral("title")))
        r.title = t->trimmed();
    if (const auto n = in.optionalString(QStringLiteral("notes")))
        r.notes = *n;
    if (const auto l = in.optionalArray(QStringLiteral("lines")))
        r.lines = *l;
    if (r.discountPct.isNegative() || r.discountPct > Decimal::fromInt(100) ||
        r.discountPct.mantissa() % 100 != 0)
        in.addError(QStringLiteral("discount_pct"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from 0 to 100 with at most 4 decimals"));
    if (r.title.isEmpty() || r.title.size() > 200)
        in.addError(QStringLiteral("title"), FieldErrorCode::InvalidValue,
                    QStringLiteral("1 to 200 characters"));
    return r;
}

// Resolves rates and costs and prices the quote; 422 on anything missing.
Priced priceQuote(QSqlDatabase db, const OppInfo &opp, const QuoteInput &q, JsonReader &in)
{
    Priced p;
    const auto currency = Currency::fromCode(q.currency);
    if (!currency) {
        in.addError(QStringLiteral("currency"), FieldErrorCode::InvalidValue,
                    QStringLiteral("not an ISO 4217 currency code"));
        crm::throwIfInvalid(in);
    }
    if (!crm::hasRateCard(db, opp.entityId, q.currency, q.quoteDate))
        throw ApiError::invalidField(QStringLiteral("currency"), QStringLiteral("no_rate_card"),
                                     QStringLiteral("legal entity %1 has no rate card in %2 on %3")
                                         .arg(opp.entity, q.currency, formatDate(q.quoteDate)));
    QList<pricing::Line> lines;
    for (int i = 0; i < q.lines.size(); ++i) {
        JsonReader l = in.child(QStringLiteral("lines/%1").arg(i), q.lines[i].toObject());
        LineRow row;
        row.kind = l.requiredString(QStringLiteral("kind"));
        row.description = l.optionalString(QStringLiteral("description")).value_or(QString());
        pricing::Line pl;
        if (row.kind == QLatin1String("role")) {
            const QString role = l.requiredString(QStringLiteral("job_role"));
            row.hours = l.requiredDecimal(QStringLiteral("hours"));
            const auto explicitRate = l.optionalDecimal(QStringLiteral("rate"));
            const auto roleId = crm::jobRoleIdByCode(db, role);
            if (!role.isEmpty() && !roleId)
                l.addError(QStringLiteral("job_role"), "unknown",
                           QStringLiteral("no such job role"));
            if (row.hours.isNegative() || row.hours.mantissa() % 10000 != 0)
                l.addError(QStringLiteral("hours"), FieldErrorCode::InvalidValue,
                           QStringLiteral("0 or more, at most 2 decimals"));
            if (explicitRate && explicitRate->isNegative())
                l.addError(QStringLiteral("rate"), FieldErrorCode::InvalidValue,
                           QStringLiteral("cannot be negative"));
            if (roleId) {
                row.jobRoleId = *roleId;
                if (explicitRate) {
                    row.rate = *explicitRate;
                    row.rateSource = QStringLiteral("manual");
                } else if (const auto r = crm::resolveBillRate(db, opp.accountId, opp.entityId,
                                                               q.currency, *roleId, q.quoteDate)) {
                    row.rate = r->rate;
                    row.rateSource = r->source;
                } else {
                    l.addError(QStringLiteral("job_role"), "no_rate",
                               QStringLiteral("the %1 %2 rate card has no rate for %3 on %4")
                                   .arg(opp.entity, q.currency, role, formatDate(q.quoteDate)));
                }
                if (const auto c =
                        crm::standardCost(db, *roleId, opp.entityId, q.currency, q.quoteDate))
                    row.costRate = *c;
                else
                    l.addError(QStringLiteral("job_role"), "no_cost_rate",
                               QStringLiteral("%1 has no standard cost rate in %2 %3 on %4")
                                   .arg(role, opp.entity, q.currency, formatDate(q.quoteDate)));
            }
            pl.kind = pricing::Line::Kind::Role;
            pl.hours = row.hours;
            pl.billRate = row.rate;
            pl.costRate = row.costRate;
        } else if (row.kind == QLatin1String("fixed")) {
            const Money price = l.requiredMoney(QStringLiteral("price"));
            const auto cost = l.optionalMoney(QStringLiteral("cost"));
            if (row.description.trimmed().isEmpty())
                l.addError(QStringLiteral("description"), FieldErrorCode::Required,
                           QStringLiteral("say what the item is"));
            if (price.isValid() && price.currency().code() != q.currency)
                l.addError(QStringLiteral("price"), ValueErrorCode::CurrencyMismatch,
                           QStringLiteral("must be in %1").arg(q.currency));
            if (cost && cost->currency().code() != q.currency)
                l.addError(QStringLiteral("cost"), ValueErrorCode::CurrencyMismatch,
                           QStringLiteral("must be in %1").arg(q.currency));
            pl.kind = pricing::Line::Kind::Fixed;
            pl.fixedPrice = price;
            pl.fixedCost = cost;
        } else if (!row.kind.isEmpty()) {
            l.addError(QStringLiteral("kind"), FieldErrorCode::InvalidValue,
                       QStringLiteral("role or fixed"));
        }
        in.addErrors(l.errors());
        p.lines.append(row);
        lines.append(pl);
    }
    crm::throwIfInvalid(in);
    const auto totals = pricing::price(*currency, lines, q.discountPct);
    if (!totals)
        throw ApiError::invalidField(QStringLiteral("lines"), totals.error().code,
                                     totals.error().message);
    p.totals = *totals;
    for (int i = 0; i < p.lines.size(); ++i) {
        p.lines[i].list = p.totals.lines[i].list;
        p.lines[i].cost = p.totals.lines[i].cost;
    }
    return p;
}

QVariant nullIfZero(qint64 v)
{
    return v ? QVariant(v) : QVariant(QMetaType::fromType<qint64>());
}

void writeQuoteContent(QSqlDatabase db, qint64 id, const QuoteInput &in, const Priced &p)
{
    const auto &t = p.totals;
    db::query(
        db,
        QStringLiteral(
            "UPDATE quotes SET currency = ?, quote_date = ?, discount_pct = "
            "?::numeric, title = ?, notes = ?, list_value = ?::numeric, "
            "discount_value = ?::numeric, net_value = ?::numeric, cost_value = "
            "?::numeric, margin_value = ?::numeric, margin_pct = ?::numeric WHERE id = ?"),
        {in.currency, in.quoteDate, in.discountPct.toString(), in.title,
         in.notes.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(in.notes),
         t.list.toString(), t.discount.toString(), t.net.toString(), t.cost.toString(),
         t.margin.toString(),
         t.marginPct ? QVariant(t.marginPct->toString()) : QVariant(QMetaType::fromType<QString>()),
         id});
    db::query(db, QStringLiteral("DELETE FROM quote_lines WHERE quote_id = ?"), {id});
    for (int i = 0; i < p.lines.size(); ++i) {
        const LineRow &l = p.lines[i];
        const bool role = l.kind == QLatin1String("role");
        const QVariant nullText(QMetaType::fromType<QString>());
        db::query(
            db,
            QStringLiteral(
                "INSERT INTO quote_lines (quote_id, line_no, kind, description, "
                "job_role_id, hours, rate, rate_source, cost_rate, list_amount, "
                "cost_amount) VALUES (?, ?, ?, coalesce(?, ''), ?, ?::numeric, ?::numeric, ?, "
                "?::numeric, ?::numeric, ?::numeric)"),
            {id, i + 1, l.kind, l.description, nullIfZero(l.jobRoleId),
             role ? QVariant(l.hours.toString()) : nullText,
             role ? QVariant(l.rate.toString()) : nullText,
             role ? QVariant(l.rateSource) : nullText,
             role ? QVariant(l.costRate.toString()) : nullText, l.list.toString(),
             l.cost.toString()});
    }
}

struct QuoteRow
{
    QJsonObject json;
    qint64 opportunityId = 0;
    QString status;
    int version = 0;
    int versionNo = 0;
    qint64 submittedBy = 0;
};

QuoteRow loadQuote(QSqlDatabase db, const Request &request, qint64 id, bool forUpdate)
{
    if (forUpdate)
        db::query(db, QStringLiteral("SELECT 1 FROM quotes WHERE id = ? FOR UPDATE"), {id});
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT q.id, q.opportunity_id, q.version_no, e.code, q.account_id, q.title, "
            "q.currency, q.quote_date, q.status, q.discount_pct::text, q.list_value::text, "
            "q.discount_value::text, q.net_value::text, q.cost_value::text, "
            "q.margin_value::text, q.margin_pct::text, q.notes, q.approval_request_id, "
            "q.submitted_by, q.submitted_at, q.accepted_at, q.version, "
            "coalesce(o.target_margin_pct::text, '') FROM quotes q JOIN legal_entities e ON "
            "e.id = q.legal_entity_id JOIN opportunities o ON o.id = q.opportunity_id "
            "WHERE q.id = ?"),
        {id});
    if (!q.next() ||
        !crm::coversEntity(crm::entitiesFor(request, Permission::SalesUse), q.value(3).toString()))
        throw ApiError::notFound(QStringLiteral("There is no quote %1.").arg(id));
    const QString cur = q.value(6).toString();
    const auto money = [&](int col) {
        return moneyToJson(crm::moneyFromText(q.value(col).toString(), cur));
    };
    QuoteRow r;
    r.opportunityId = q.value(1).toLongLong();
    r.status = q.value(8).toString();
    r.version = q.value(21).toInt();
    r.versionNo = q.value(2).toInt();
    r.submittedBy = q.value(18).toLongLong();
    const bool readOnly = r.status != QLatin1String("draft");
    r.json = {
        {"id", idToJson(id)},
        {"number", QStringLiteral("Q-%1-%2-v%3")
                       .arg(q.value(3).toString())
                       .arg(r.opportunityId)
                       .arg(r.versionNo)},
        {"opportunity", idToJson(r.opportunityId)},
        {"version_no", r.versionNo},
        {"legal_entity", q.value(3).toString()},
        {"account", idToJson(q.value(4).toLongLong())},
        {"title", q.value(5).toString()},
        {"currency", cur},
        {"quote_date", dateToJson(q.value(7).toDate())},
        {"status", r.status},
        {"read_only", readOnly},
        {"discount_pct", crm::decimalFromText(q.value(9).toString()).toString()},
        {"list_value", money(10)},
        {"discount_value", money(11)},
        {"net_value", money(12)},
        {"cost_value", money(13)},
        {"margin_value", money(14)},
        {"margin_pct", q.value(15).isNull()
                           ? QJsonValue()
                           : QJsonValue(crm::decimalFromText(q.value(15).toString()).toString(2))},
        {"target_margin_pct",
         q.value(22).toString().isEmpty()
             ? QJsonValue()
             : QJsonValue(crm::decimalFromText(q.value(22).toString()).toString())},
        {"notes", q.value(16).isNull() ? QJsonValue() : q.value(16).toString()},
        {"approval_request",
         q.value(17).isNull() ? QJsonValue() : idToJson(q.value(17).toLongLong())},
        {"submitted_by", q.value(18).isNull() ? QJsonValue() : idToJson(q.value(18).toLongLong())},
        {"submitted_at", instantToJson(q.value(19).toDateTime())},
        {"accepted_at", instantToJson(q.value(20).toDateTime())},
        {"version", r.version}};
    QSqlQuery l = db::query(
        db,
        QStringLiteral("SELECT l.line_no, l.kind, l.description, r.code, l.hours::text, "
                       "l.rate::text, l.rate_source, l.cost_rate::text, l.list_amount::text, "
                       "l.cost_amount::text FROM quote_lines l LEFT JOIN job_roles r ON r.id = "
                       "l.job_role_id WHERE l.quote_id = ? ORDER BY l.line_no"),
        {id});
    QJsonArray lines;
    while (l.next()) {
        QJsonObject line{{"line_no", l.value(0).toInt()},
                         {"kind", l.value(1).toString()},
                         {"description", l.value(2).toString()},
                         {"amount", moneyToJson(crm::moneyFromText(l.value(8).toString(), cur))},
                         {"cost", moneyToJson(crm::moneyFromText(l.value(9).toString(), cur))}};
        if (l.value(1).toString() == QLatin1String("role")) {
            line.insert("job_role", l.value(3).toString());
            line.insert("hours", crm::decimalFromText(l.value(4).toString()).toString(2));
            line.insert("rate", crm::decimalFromText(l.value(5).toString()).toString(2));
            line.insert("rate_source", l.value(6).toString());
            line.insert("cost_rate", crm::decimalFromText(l.value(7).toString()).toString(2));
        } else {
            line.insert("price", moneyToJson(crm::moneyFromText(l.value(8).toString(), cur)));
        }
        lines.append(line);
    }
    r.json.insert("lines", lines);
    return r;
}

void audit(QSqlDatabase db, const Request &request, const char *action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry a = AuditEntry::from(request, QString::fromLatin1(action), QStringLiteral("quote"),
                                    QString::number(id));
    a.before = before;
    a.after = after;
    appendAudit(db, a);
}

ApprovalSubject subjectOf(const Request &request, const QuoteRow &quote, const OppInfo &opp)
{
    ApprovalSubject s;
    s.documentType = QStringLiteral("quote");
    s.documentId = quote.json.value("id").toString();
    s.legalEntity = opp.entity;
    s.practice = opp.practice;
    s.submitterId = request.caller().user.id;
    s.title = quote.json.value("number").toString() + u' ' + quote.json.value("title").toString();
    const QJsonValue margin = quote.json.value("margin_pct");
    s.facts = {{"discount_pct", quote.json.value("discount_pct").toString()},
               // No net value (100% discount): treat as no margin at all.
               {"margin_pct", margin.isNull() ? QStringLiteral("-100") : margin.toString()},
               {"target_margin_pct", opp.targetMargin.isEmpty()
                                         ? QStringLiteral("0")
                                         : crm::decimalFromText(opp.targetMargin).toString()},
               {"amount", quote.json.value("net_value").toObject().value("amount").toString()}};
    return s;
}

QJsonArray stepsJson(const QList<ApprovalStep> &steps)
{
    QJsonArray a;
    for (const ApprovalStep &s : steps)
        a.append(QJsonObject{{"order", s.order}, {"role", s.role}, {"reason", s.reason}});
    return a;
}

} // namespace

QuoteService::QuoteService(DbConfig config, WorkflowService &workflow)
    : m_config(std::move(config)), m_workflow(workflow)
{}

QSqlDatabase QuoteService::db() const
{
    return db::connection(m_config);
}

StateMachine QuoteService::machine()
{
    return {QStringLiteral("quote"),
            {"draft", "submitted", "approved", "rejected", "accepted", "superseded"},
            QStringLiteral("draft"),
            {{"draft", "submit", "submitted"},
             {"submitted", "approve", "approved"},
             {"submitted", "reject", "rejected"},
             {"approved", "accept", "accepted"},
             {"draft", "revise", "superseded"},
             {"approved", "revise", "superseded"},
             {"rejected", "revise", "superseded"}}};
}

void QuoteService::registerWorkflow()
{
    StateMachineRegistry::add(machine());
    const auto decide = [](QSqlDatabase db, const Request &request, const QString &documentId,
                           const char *action, const QString &comment) {
        const qint64 id = documentId.toLongLong();
        db::query(db, QStringLiteral("SELECT 1 FROM quotes WHERE id = ? FOR UPDATE"), {id});
        QSqlQuery q = db::query(db, QStringLiteral("SELECT status FROM quotes WHERE id = ?"), {id});
        if (!q.next())
            throw ApiError::notFound(QStringLiteral("There is no quote %1.").arg(id));
        const QString from = q.value(0).toString();
        const QString to = machine().next(from, QString::fromLatin1(action));
        db::query(db,
                  QStringLiteral("UPDATE quotes SET status = ?, decided_at = now(), version = "
                                 "version + 1, updated_at = now() WHERE id = ?"),
                  {to, id});
        AuditEntry a =
            AuditEntry::from(request, QStringLiteral("quote.%1").arg(QLatin1String(action)),
                             QStringLiteral("quote"), documentId);
        a.before = {{"status", from}};
        a.after = {{"status", to}};
        if (!comment.isEmpty())
            a.after.insert("comment", comment);
        appendAudit(db, a);
    };
    m_workflow.registerHandler(
        QStringLiteral("quote"),
        {[decide](QSqlDatabase db, const Request &r, const QString &id) {
             decide(db, r, id, "approve", {});
         },
         [decide](QSqlDatabase db, const Request &r, const QString &id, const QString &comment) {
             decide(db, r, id, "reject", comment);
         }});
}

QJsonObject QuoteService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const qint64 oppId = in.requiredInt64(QStringLiteral("opportunity"));
    crm::throwIfInvalid(in);
    const OppInfo opp = opportunityInfo(db(), request, oppId, QStringLiteral("opportunity"));
    QuoteInput defaults;
    defaults.currency = opp.currency;
    defaults.quoteDate = QDate::currentDate();
    defaults.title = opp.name.left(200);
    const QuoteInput input = readInput(in, defaults);
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    const Priced priced = priceQuote(db(), opp, input, in);
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO quotes (opportunity_id, version_no, legal_entity_id, "
                       "account_id, title, currency, quote_date, created_by) VALUES (?, "
                       "(SELECT coalesce(max(version_no), 0) + 1 FROM quotes WHERE opportunity_id "
                       "= ?), ?, ?, ?, ?, ?, ?) RETURNING id"),
        {opp.id, opp.id, opp.entityId, opp.accountId, input.title, input.currency, input.quoteDate,
         request.caller().user.id});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    writeQuoteContent(db(), id, input, priced);
    const QuoteRow row = loadQuote(db(), request, id, false);
    audit(db(), request, "quote.create", id, {}, row.json);
    tx.commit();
    return row.json;
}

QJsonObject QuoteService::get(const Request &request, qint64 id) const
{
    return loadQuote(db(), request, id, false).json;
}

QJsonObject QuoteService::update(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QuoteRow before = loadQuote(db(), request, id, true);
    requireVersion(request, body, before.version);
    if (before.status != QLatin1String("draft"))
        throw ApiError::conflict(
            QStringLiteral("Quote %1 is %2 and read-only; revise it to change it.")
                .arg(id)
                .arg(before.status));
    const OppInfo opp = opportunityInfo(db(), request, before.opportunityId, {});
    QuoteInput current;
    current.currency = before.json.value("currency").toString();
    current.quoteDate = parseDate(before.json.value("quote_date").toString()).value();
    current.discountPct = crm::decimalFromText(before.json.value("discount_pct").toString());
    current.title = before.json.value("title").toString();
    current.notes = before.json.value("notes").toString();
    // Lines are sent whole; without "lines" the stored ones are re-priced (rates may differ
    // at another quote date).
    QJsonArray lines;
    for (const QJsonValue &v : before.json.value("lines").toArray()) {
        QJsonObject l = v.toObject();
        if (l.value("kind").toString() == QLatin1String("role") &&
            l.value("rate_source").toString() != QLatin1String("manual"))
            l.remove(QStringLiteral("rate"));
        lines.append(l);
    }
    current.lines = lines;
    JsonReader in(body);
    const QuoteInput input = readInput(in, current);
    crm::throwIfInvalid(in);
    const Priced priced = priceQuote(db(), opp, input, in);
    writeQuoteContent(db(), id, input, priced);
    db::query(
        db(),
        QStringLiteral("UPDATE quotes SET version = version + 1, updated_at = now() WHERE id = ?"),
        {id});
    const QuoteRow after = loadQuote(db(), request, id, false);
    audit(db(), request, "quote.update", id, before.json, after.json);
    tx.commit();
    return after.json;
}

QJsonObject QuoteService::listForOpportunity(const Request &request, qint64 opportunityId) const
{
    opportunityInfo(db(), request, opportunityId, {});
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id FROM quotes WHERE opportunity_id = ? "
                                           "ORDER BY version_no DESC LIMIT 200"),
                            {opportunityId});
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    QJsonArray items;
    for (qint64 id : ids)
        items.append(loadQuote(db(), request, id, false).json);
    return {{"items", items}};
}

QJsonObject QuoteService::submit(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QuoteRow before = loadQuote(db(), request, id, true);
    requireVersion(request, body, before.version);
    const QString to = machine().next(before.status, QStringLiteral("submit"));
    if (before.json.value("lines").toArray().isEmpty())
        throw ApiError::invalidField(QStringLiteral("lines"), FieldErrorCode::Required,
                                     QStringLiteral("a quote needs at least one line"));
    const OppInfo opp = opportunityInfo(db(), request, before.opportunityId, {});
    db::query(
        db(),
        QStringLiteral("UPDATE quotes SET status = ?, submitted_by = ?, submitted_at = now(), "
                       "version = version + 1, updated_at = now() WHERE id = ?"),
        {to, request.caller().user.id, id});
    const qint64 approval = m_workflow.submit(db(), request, subjectOf(request, before, opp));
    if (approval > 0) {
        db::query(db(), QStringLiteral("UPDATE quotes SET approval_request_id = ? WHERE id = ?"),
                  {approval, id});
    } else {
        // No policy applies: approved on submission.
        const QString approved = machine().next(to, QStringLiteral("approve"));
        db::query(db(),
                  QStringLiteral("UPDATE quotes SET status = ?, decided_at = now() WHERE id = ?"),
                  {approved, id});
    }
    const QuoteRow after = loadQuote(db(), request, id, false);
    audit(db(), request, "quote.submit", id, {{"status", before.status}},
          {{"status", after.status},
           {"approval_request", approval > 0 ? idToJson(approval) : QJsonValue()}});
    tx.commit();
    return after.json;
}

QJsonObject QuoteService::approvalPreview(const Request &request, qint64 id) const
{
    const QuoteRow quote = loadQuote(db(), request, id, false);
    const OppInfo opp = opportunityInfo(db(), request, quote.opportunityId, {});
    const ApprovalSubject subject = subjectOf(request, quote, opp);
    const QList<ApprovalStep> steps = m_workflow.requiredApprovals(db(), subject);
    return {{"quote", idToJson(id)},
            {"facts", subject.facts},
            {"approval_required", !steps.isEmpty()},
            {"steps", stepsJson(steps)}};
}

QJsonObject QuoteService::accept(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QuoteRow before = loadQuote(db(), request, id, true);
    requireVersion(request, body, before.version);
    const QString to = machine().next(before.status, QStringLiteral("accept"));
    db::query(db(),
              QStringLiteral("UPDATE quotes SET status = ?, accepted_at = now(), version = "
                             "version + 1, updated_at = now() WHERE id = ?"),
              {to, id});
    const QuoteRow after = loadQuote(db(), request, id, false);
    audit(db(), request, "quote.accept", id, {{"status", before.status}},
          {{"status", after.status}});
    tx.commit();
    return after.json;
}

QJsonObject QuoteService::revise(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QuoteRow before = loadQuote(db(), request, id, true);
    requireVersion(request, body, before.version);
    const QString to = machine().next(before.status, QStringLiteral("revise"));
    QSqlQuery latest = db::query(
        db(), QStringLiteral("SELECT max(version_no) FROM quotes WHERE opportunity_id = ?"),
        {before.opportunityId});
    latest.next();
    if (latest.value(0).toInt() != before.versionNo)
        throw ApiError::conflict(QStringLiteral("Quote %1 is not the latest version.").arg(id));
    db::query(db(),
              QStringLiteral("UPDATE quotes SET status = ?, version = version + 1, updated_at = "
                             "now() WHERE id = ?"),
              {to, id});
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "INSERT INTO quotes (opportunity_id, version_no, legal_entity_id, account_id, title, "
            "currency, quote_date, discount_pct, list_value, discount_value, net_value, "
            "cost_value, margin_value, margin_pct, notes, created_by) SELECT opportunity_id, "
            "version_no + 1, legal_entity_id, account_id, title, currency, quote_date, "
            "discount_pct, list_value, discount_value, net_value, cost_value, margin_value, "
            "margin_pct, notes, ? FROM quotes WHERE id = ? RETURNING id"),
        {request.caller().user.id, id});
    q.next();
    const qint64 newId = q.value(0).toLongLong();
    db::query(db(),
              QStringLiteral("INSERT INTO quote_lines (quote_id, line_no, kind, description, "
                             "job_role_id, hours, rate, rate_source, cost_rate, list_amount, "
                             "cost_amount) SELECT ?, line_no, kind, description, job_role_id, "
                             "hours, rate, rate_source, cost_rate, list_amount, cost_amount FROM "
                             "quote_lines WHERE quote_id = ?"),
              {newId, id});
    audit(db(), request, "quote.revise", id, {{"status", before.status}}, {{"status", to}});
    const QuoteRow created = loadQuote(db(), request, newId, false);
    audit(db(), request, "quote.create", newId, {}, created.json);
    tx.commit();
    return created.json;
}

} // namespace keel
