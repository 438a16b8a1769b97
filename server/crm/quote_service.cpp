#include "quote_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"
#include "permissions.h"
#include "quote_pricing.h"
#include "quote_store.h"
#include "rate_card_service.h"
#include "sales_store.h"
#include "workflow/workflow_service.h"

#include <QJsonArray>

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

using LineRow = crm::QuoteLineRow;

struct Priced
{
    QList<LineRow> lines;
    pricing::Totals totals;
};

using OppInfo = crm::QuoteOpportunity;

OppInfo opportunityInfo(QSqlDatabase db, const Request &request, qint64 id, const QString &field)
{
    const auto opp = crm::QuoteStore(db).opportunity(id);
    if (!opp || !crm::coversEntity(crm::entitiesFor(request, Permission::SalesUse), opp->entity)) {
        if (field.isEmpty())
            throw ApiError::notFound(QStringLiteral("There is no opportunity %1.").arg(id));
        throw ApiError::invalidField(field, QStringLiteral("unknown"),
                                     QStringLiteral("no such opportunity"));
    }
    return *opp;
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

void writeQuoteContent(QSqlDatabase db, qint64 id, const QuoteInput &in, const Priced &p)
{
    const auto &t = p.totals;
    crm::QuoteStore(db).writeContent(id,
                                     {in.currency, in.quoteDate, in.discountPct, in.title, in.notes,
                                      t.list, t.discount, t.net, t.cost, t.margin, t.marginPct},
                                     p.lines);
}

using QuoteRow = crm::QuoteRecord;

QuoteRow loadQuote(QSqlDatabase db, const Request &request, qint64 id, bool forUpdate)
{
    auto r = crm::QuoteStore(db).quote(id, forUpdate);
    if (!r || !crm::coversEntity(crm::entitiesFor(request, Permission::SalesUse), r->legalEntity))
        throw ApiError::notFound(QStringLiteral("There is no quote %1.").arg(id));
    // Only a draft may change; everything else is revised into a new draft.
    r->json.insert("read_only", r->status != QLatin1String("draft"));
    return *r;
}

void audit(QSqlDatabase db, const Request &request, const char *action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    crm::audit(db, request, QString::fromLatin1(action), QStringLiteral("quote"), id, before,
               after);
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
        const crm::QuoteStore store(db);
        const auto status = store.status(id, true);
        if (!status)
            throw ApiError::notFound(QStringLiteral("There is no quote %1.").arg(id));
        const QString from = *status;
        const QString to = machine().next(from, QString::fromLatin1(action));
        store.markDecided(id, to, true);
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
    const qint64 id = crm::QuoteStore(db()).insertQuote(opp, input.title, input.currency,
                                                        input.quoteDate, request.caller().user.id);
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
    crm::QuoteStore(db()).bumpVersion(id);
    const QuoteRow after = loadQuote(db(), request, id, false);
    audit(db(), request, "quote.update", id, before.json, after.json);
    tx.commit();
    return after.json;
}

QJsonObject QuoteService::listForOpportunity(const Request &request, qint64 opportunityId) const
{
    opportunityInfo(db(), request, opportunityId, {});
    const QList<qint64> ids = crm::QuoteStore(db()).quoteIds(opportunityId, 200);
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
    const crm::QuoteStore store(db());
    store.markSubmitted(id, to, request.caller().user.id);
    const qint64 approval = m_workflow.submit(db(), request, subjectOf(request, before, opp));
    if (approval > 0) {
        store.setApprovalRequest(id, approval);
    } else {
        // No policy applies: approved on submission.
        const QString approved = machine().next(to, QStringLiteral("approve"));
        store.markDecided(id, approved, false);
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
    crm::QuoteStore(db()).markAccepted(id, to);
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
    const crm::QuoteStore store(db());
    if (store.latestVersionNo(before.opportunityId) != before.versionNo)
        throw ApiError::conflict(QStringLiteral("Quote %1 is not the latest version.").arg(id));
    store.setStatus(id, to);
    const qint64 newId = store.copyAsNextVersion(id, request.caller().user.id);
    audit(db(), request, "quote.revise", id, {{"status", before.status}}, {{"status", to}});
    const QuoteRow created = loadQuote(db(), request, newId, false);
    audit(db(), request, "quote.create", newId, {}, created.json);
    tx.commit();
    return created.json;
}

} // namespace keel
