#include "contract_service.h"

#include "audit/audit_log.h"
#include "events/domain_events.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "permissions.h"
#include "workflow/state_machine.h"
#include "workflow/workflow_service.h"

#include <QSet>

#include <algorithm>

namespace keel {

namespace {

const QString kContract = QStringLiteral("contract");
const QString kChangeOrder = QStringLiteral("contract_change_order");

StateMachine contractMachine()
{
    return {kContract,
            {"draft", "signed", "amended", "completed", "terminated"},
            "draft",
            {{"draft", "sign", "signed"},
             {"signed", "amend", "amended"},
             {"amended", "amend", "amended"},
             {"signed", "complete", "completed"},
             {"amended", "complete", "completed"},
             {"signed", "terminate", "terminated"},
             {"amended", "terminate", "terminated"}}};
}

StateMachine changeOrderMachine()
{
    return {kChangeOrder,
            {"submitted", "approved", "rejected"},
            "submitted",
            {{"submitted", "approve", "approved"}, {"submitted", "reject", "rejected"}}};
}

QStringList salesEntities(const Request &request)
{
    return request.caller().entitiesFor(QString::fromLatin1(Permission::SalesUse));
}

bool mayUse(const Request &request, const QString &entity)
{
    const QStringList e = salesEntities(request);
    return e.contains(QStringLiteral("*")) || e.contains(entity);
}

Currency currencyOf(const QString &code)
{
    return Currency::fromCode(code).valueOr(Currency());
}

Money moneyOf(const QString &amount, const QString &currency)
{
    return Money::parse(amount, currency).valueOr(Money());
}

void throwIfErrors(const QList<FieldError> &errors)
{
    if (!errors.isEmpty())
        throw ApiError::invalid(errors);
}

QJsonArray linesJson(const QList<ContractLine> &lines)
{
    QJsonArray out;
    for (const ContractLine &l : lines)
        out.append(l.toJson());
    return out;
}

// Job roles named by lines (and their T&M rates) must exist.
void checkJobRoles(const ContractStore &store, const QList<ContractLine> &lines,
                   const QString &prefix, QList<FieldError> &errors)
{
    QList<qint64> ids;
    for (const ContractLine &l : lines) {
        if (l.jobRoleId)
            ids.append(l.jobRoleId);
        for (const ContractLineRate &r : l.rates)
            ids.append(r.jobRoleId);
    }
    if (ids.isEmpty())
        return;
    const QList<qint64> unknown = store.unknownJobRoles(ids);
    if (unknown.isEmpty())
        return;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (unknown.contains(lines[i].jobRoleId))
            errors.append({QStringLiteral("%1/%2/job_role_id").arg(prefix).arg(i),
                           QStringLiteral("unknown"), QStringLiteral("no such job role")});
        for (qsizetype k = 0; k < lines[i].rates.size(); ++k)
            if (unknown.contains(lines[i].rates[k].jobRoleId))
                errors.append(
                    {QStringLiteral("%1/%2/rates/%3/job_role_id").arg(prefix).arg(i).arg(k),
                     QStringLiteral("unknown"), QStringLiteral("no such job role")});
    }
}

QString paymentTermsOf(const AccountFacts &a)
{
    return QStringLiteral("net%1").arg(a.paymentTermsDays);
}

} // namespace

ContractService::ContractService(DbConfig config, const DomainEvents &events,
                                 WorkflowService *workflow)
    : m_store(std::move(config)), m_events(events), m_workflow(workflow)
{}

void ContractService::registerStateMachines()
{
    StateMachineRegistry::add(contractMachine());
    StateMachineRegistry::add(changeOrderMachine());
}

void ContractService::registerApprovalHandlers(WorkflowService &workflow) const
{
    ApprovalHandler handler;
    handler.approved = [this](QSqlDatabase, const Request &request, const QString &documentId) {
        applyChangeOrder(request, documentId.toLongLong());
    };
    handler.rejected = [this](QSqlDatabase, const Request &request, const QString &documentId,
                              const QString &comment) {
        rejectChangeOrder(request, documentId.toLongLong(), comment);
    };
    workflow.registerHandler(kChangeOrder, handler);
}

ContractRow ContractService::visibleContract(const Request &request, qint64 id, bool lock) const
{
    const auto row = m_store.contract(id, lock);
    if (!row || !mayUse(request, row->legalEntity))
        throw ApiError::notFound(QStringLiteral("There is no contract %1.").arg(id));
    return *row;
}

QJsonObject ContractService::contractJson(const ContractRow &r, bool withLines) const
{
    QJsonObject o{
        {"id", idToJson(r.id)},
        {"number", r.number.isEmpty() ? QJsonValue() : QJsonValue(r.number)},
        {"title", r.title},
        {"legal_entity", r.legalEntity},
        {"account_id", idToJson(r.accountId)},
        {"account_name", r.accountName},
        {"quote_id", r.quoteId ? idToJson(r.quoteId) : QJsonValue()},
        {"opportunity_id", r.opportunityId ? idToJson(r.opportunityId) : QJsonValue()},
        {"offering_id", r.offeringId ? idToJson(r.offeringId) : QJsonValue()},
        {"practice", r.practice.isEmpty() ? QJsonValue() : QJsonValue(r.practice)},
        {"project_manager_id", r.projectManagerId ? idToJson(r.projectManagerId) : QJsonValue()},
        {"currency", r.currency},
        {"payment_terms", r.paymentTerms},
        {"tax_profile", r.taxProfile},
        {"start_date", dateToJson(r.startDate)},
        {"end_date", dateToJson(r.endDate)},
        {"signature_date", dateToJson(r.signatureDate)},
        {"status", r.status},
        {"total_value", moneyToJson(moneyOf(r.totalValue, r.currency))},
        {"contract_version", r.contractVersion},
        {"version", r.version},
        {"actions", QJsonArray::fromStringList(contractMachine().actionsFrom(r.status))}};
    if (withLines)
        o.insert("lines", linesJson(m_store.lines(r.id, r.currency)));
    return o;
}

QJsonObject ContractService::insertContract(const Request &request, NewContract c,
                                            const QList<ContractLine> &lines) const
{
    const auto total = totalOf(lines, currencyOf(c.currency));
    if (!total)
        throw ApiError::invalidField(QStringLiteral("lines"), QStringLiteral("out_of_range"),
                                     QStringLiteral("the lines' total is out of range"));
    c.totalValue = total->toString();
    c.createdBy = request.caller().user.id;
    const qint64 id = m_store.insertContract(c);
    m_store.insertLines(id, lines, 1);
    const QJsonObject json = contractJson(*m_store.contract(id, false), true);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("contract.create"), kContract,
                                        QString::number(id));
    audit.after = json;
    appendAudit(m_store.db(), audit);
    return json;
}

QJsonObject ContractService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString entity = in.requiredString(QStringLiteral("legal_entity"));
    const qint64 accountId = in.requiredInt64(QStringLiteral("account_id"));
    const QString title = in.requiredString(QStringLiteral("title")).trimmed();
    const auto currencyCode = in.optionalString(QStringLiteral("currency"));
    const auto terms = in.optionalString(QStringLiteral("payment_terms"));
    const auto tax = in.optionalString(QStringLiteral("tax_profile"));
    const QDate start = in.requiredDate(QStringLiteral("start_date"));
    const QDate end = in.requiredDate(QStringLiteral("end_date"));
    const auto practice = in.optionalString(QStringLiteral("practice"));
    const qint64 pm = in.optionalInt64(QStringLiteral("project_manager_id")).value_or(0);
    const qint64 offering = in.optionalInt64(QStringLiteral("offering_id")).value_or(0);
    const QJsonArray linesArray = in.requiredArray(QStringLiteral("lines"));
    throwIfErrors(in.errors());

    QList<FieldError> errors;
    const auto entityId = m_store.legalEntityIdByCode(entity);
    if (!entityId)
        errors.append({"legal_entity", "unknown", "no legal entity has this code"});
    else if (!mayUse(request, entity))
        throw ApiError::forbidden(
            QStringLiteral("You may not enter contracts for legal entity %1.").arg(entity));
    const auto account = m_store.account(accountId);
    if (!account || account->merged)
        errors.append({"account_id", "unknown", "no such (active) account"});
    const QString code = currencyCode.value_or(account ? account->currency : QString());
    if (!Currency::isKnown(code))
        errors.append({"currency", "invalid_value", "an ISO 4217 currency code"});
    if (title.size() > 200)
        errors.append({"title", "invalid_value", "at most 200 characters"});
    if (end < start)
        errors.append({"end_date", "invalid_value", "must not be before start_date"});
    std::optional<qint64> practiceId;
    if (practice && !practice->isEmpty()) {
        practiceId = m_store.practiceIdByCode(*practice);
        if (!practiceId)
            errors.append({"practice", "unknown", "no practice has this code"});
    }
    if (pm && !m_store.userExists(pm))
        errors.append({"project_manager_id", "unknown", "no such user"});
    if (linesArray.isEmpty())
        errors.append({"lines", "required", "at least one line"});
    throwIfErrors(errors);
    const QList<ContractLine> lines =
        parseContractLines(linesArray, QStringLiteral("lines"), currencyOf(code), errors);
    checkJobRoles(m_store, lines, QStringLiteral("lines"), errors);
    throwIfErrors(errors);

    NewContract c;
    c.legalEntityId = *entityId;
    c.accountId = accountId;
    c.offeringId = offering;
    c.practiceId = practiceId.value_or(0);
    c.projectManagerId = pm;
    c.title = title;
    c.currency = code;
    c.paymentTerms = terms.value_or(paymentTermsOf(*account));
    c.taxProfile = tax.value_or(account->taxProfile);
    c.startDate = start;
    c.endDate = end;
    return insertContract(request, c, lines);
}

QJsonObject ContractService::createFromQuote(const Request &request, qint64 quoteId,
                                             const QJsonObject &body) const
{
    const auto quote = m_store.quote(quoteId, true);
    if (!quote || !mayUse(request, quote->legalEntity))
        throw ApiError::notFound(QStringLiteral("There is no quote %1.").arg(quoteId));
    if (quote->status != QLatin1String("accepted"))
        throw ApiError::conflict(QStringLiteral("The quote is %1; only an accepted quote becomes "
                                                "a contract.")
                                     .arg(quote->status));
    if (m_store.contractExistsForQuote(quoteId))
        throw ApiError::conflict(QStringLiteral("Quote %1 already has a contract.").arg(quoteId));

    JsonReader in(body);
    const QString title =
        in.optionalString(QStringLiteral("title")).value_or(quote->title).trimmed();
    const auto terms = in.optionalString(QStringLiteral("payment_terms"));
    const auto tax = in.optionalString(QStringLiteral("tax_profile"));
    const QDate start = in.requiredDate(QStringLiteral("start_date"));
    const QDate end = in.requiredDate(QStringLiteral("end_date"));
    const qint64 pm = in.optionalInt64(QStringLiteral("project_manager_id")).value_or(0);
    const auto linesArray = in.optionalArray(QStringLiteral("lines"));
    throwIfErrors(in.errors());
    QList<FieldError> errors;
    if (end < start)
        errors.append({"end_date", "invalid_value", "must not be before start_date"});
    if (pm && !m_store.userExists(pm))
        errors.append({"project_manager_id", "unknown", "no such user"});
    throwIfErrors(errors);

    const Currency currency = currencyOf(quote->currency);
    QList<ContractLine> lines;
    if (linesArray && !linesArray->isEmpty()) {
        lines = parseContractLines(*linesArray, QStringLiteral("lines"), currency, errors);
        checkJobRoles(m_store, lines, QStringLiteral("lines"), errors);
        throwIfErrors(errors);
    } else {
        // Copy the quote: role lines become time-and-materials lines carrying the sold hours,
        // rate and cost; fixed items become fixed-fee lines billed at the start. The quote's
        // discount is spread over the lines by list amount, so the lines sum to its net value.
        const QList<QuoteLineFacts> qlines = m_store.quoteLines(quoteId);
        if (qlines.isEmpty())
            throw ApiError::conflict(QStringLiteral("The quote has no lines."));
        QList<qint64> weights;
        for (const QuoteLineFacts &l : qlines)
            weights.append(moneyOf(l.listAmount, quote->currency).minorUnits());
        const Money net = moneyOf(quote->netValue, quote->currency);
        QList<Money> values;
        if (const auto parts = net.allocate(weights))
            values = *parts;
        else
            for (const QuoteLineFacts &l : qlines)
                values.append(moneyOf(l.listAmount, quote->currency));
        for (qsizetype i = 0; i < qlines.size(); ++i) {
            const QuoteLineFacts &q = qlines[i];
            ContractLine l;
            l.description = q.description.isEmpty() ? q.jobRoleName : q.description;
            if (l.description.isEmpty())
                l.description = QStringLiteral("Line %1").arg(q.lineNo);
            l.value = values[i];
            l.quoteLineId = q.id;
            l.costAmount = moneyOf(q.costAmount, quote->currency);
            if (q.kind == QLatin1String("role")) {
                l.billingModel = BillingModel::TimeAndMaterials;
                l.jobRoleId = q.jobRoleId;
                l.hours = Decimal::parse(q.hours).valueOr(Decimal());
                l.rate = Decimal::parse(q.rate).valueOr(Decimal());
                if (!q.costRate.isEmpty())
                    l.costRate = Decimal::parse(q.costRate).valueOr(Decimal());
                l.rates.append({q.jobRoleId, *l.rate});
            } else {
                l.billingModel = BillingModel::FixedFee;
                if (l.value.isPositive())
                    l.schedule.append({QString(), l.value, start});
            }
            lines.append(l);
        }
    }
    const auto account = m_store.account(quote->accountId);
    NewContract c;
    c.legalEntityId = quote->legalEntityId;
    c.accountId = quote->accountId;
    c.quoteId = quote->id;
    c.opportunityId = quote->opportunityId;
    c.offeringId = quote->offeringId;
    c.practiceId = quote->practiceId;
    c.projectManagerId = pm;
    c.title = title.left(200);
    c.currency = quote->currency;
    c.paymentTerms = terms.value_or(account ? paymentTermsOf(*account) : QStringLiteral("net30"));
    c.taxProfile = tax.value_or(account ? account->taxProfile : QStringLiteral("STANDARD"));
    c.startDate = start;
    c.endDate = end;
    return insertContract(request, c, lines);
}

QJsonObject ContractService::get(const Request &request, qint64 id) const
{
    QJsonObject o = contractJson(visibleContract(request, id, false), true);
    o.insert("versions", m_store.versionNumbers(id));
    return o;
}

QJsonObject ContractService::list(const Request &request, const PageRequest &page) const
{
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty() && !contractMachine().states.contains(status))
        throw ApiError::invalidField(
            QStringLiteral("status"), QStringLiteral("invalid_value"),
            QStringLiteral("one of: %1").arg(contractMachine().states.join(QStringLiteral(", "))));
    qint64 accountId = 0;
    const QString account = request.query.queryItemValue(QStringLiteral("account_id"));
    if (!account.isEmpty()) {
        bool ok = false;
        accountId = account.toLongLong(&ok);
        if (!ok || accountId <= 0)
            throw ApiError::invalidField(QStringLiteral("account_id"),
                                         QStringLiteral("invalid_value"),
                                         QStringLiteral("an account id"));
    }
    QJsonArray items;
    for (const ContractRow &r :
         m_store.list(salesEntities(request), status, accountId, page.after, page.limit))
        items.append(contractJson(r, false));
    return page.page(items);
}

QJsonObject ContractService::sign(const Request &request, qint64 id, const QJsonObject &body) const
{
    JsonReader in(body);
    const QDate signatureDate = in.requiredDate(QStringLiteral("signature_date"));
    throwIfErrors(in.errors());

    db::Transaction tx(m_store.db());
    const ContractRow row = visibleContract(request, id, true);
    requireVersion(request, body, row.version);
    const QString to = contractMachine().next(row.status, QStringLiteral("sign"));
    if (row.quoteId) {
        const auto quote = m_store.quote(row.quoteId, true);
        if (!quote || quote->status != QLatin1String("accepted"))
            throw ApiError::conflict(
                QStringLiteral("The contract's quote is %1: only a contract from an approved "
                               "and accepted quote can be signed.")
                    .arg(quote ? quote->status : QStringLiteral("missing")));
    }
    if (signatureDate < row.startDate.addYears(-5) ||
        signatureDate > QDate::currentDate().addDays(1))
        throw ApiError::invalidField(QStringLiteral("signature_date"),
                                     QStringLiteral("invalid_value"),
                                     QStringLiteral("not a plausible signature date"));
    const int year = signatureDate.year();
    const int n = m_store.takeNumber(row.legalEntityId, year);
    const QString number = QStringLiteral("SOW-%1-%2-%3")
                               .arg(row.legalEntity)
                               .arg(year)
                               .arg(n, 4, 10, QLatin1Char('0'));
    m_store.markSigned(id, number, signatureDate);
    const QList<ContractLine> lines = m_store.lines(id, row.currency);
    m_store.insertVersion(id, 1, row.totalValue, row.startDate, row.endDate, linesJson(lines), 0,
                          request.caller().user.id);
    const ContractRow signedRow = *m_store.contract(id, false);
    AuditEntry audit =
        AuditEntry::from(request, QStringLiteral("contract.sign"), kContract, QString::number(id));
    audit.before = {{"status", row.status}, {"version", row.version}};
    audit.after = {{"status", to},
                   {"number", number},
                   {"signature_date", dateToJson(signatureDate)},
                   {"total_value", moneyToJson(moneyOf(row.totalValue, row.currency))},
                   {"version", signedRow.version}};
    appendAudit(m_store.db(), audit);
    m_events.publish(m_store.db(), request,
                     {DomainEventType::ContractSigned,
                      {{"contract_id", idToJson(id)}, {"contract_version", 1}}});
    tx.commit();
    return contractJson(signedRow, true);
}

QJsonObject ContractService::close(const Request &request, qint64 id, const QString &action,
                                   const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    const ContractRow row = visibleContract(request, id, true);
    requireVersion(request, body, row.version);
    const QString to = contractMachine().next(row.status, action);
    m_store.setStatus(id, to);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("contract.") + action, kContract,
                                        QString::number(id));
    audit.before = {{"status", row.status}};
    audit.after = {{"status", to}, {"reason", body.value(QStringLiteral("reason")).toString()}};
    appendAudit(m_store.db(), audit);
    tx.commit();
    return contractJson(*m_store.contract(id, false), false);
}

QJsonObject ContractService::versionOf(const Request &request, qint64 id, int contractVersion) const
{
    visibleContract(request, id, false);
    const auto v = m_store.version(id, contractVersion);
    if (!v)
        throw ApiError::notFound(
            QStringLiteral("Contract %1 has no version %2.").arg(id).arg(contractVersion));
    return *v;
}

// ---- change orders ---------------------------------------------------------------------

namespace {

struct ParsedChanges
{
    QList<ContractLine> add;
    QList<QPair<qint64, ContractLine>> replace; // line id → new definition
    QList<qint64> remove;
    std::optional<QDate> startDate, endDate;
};

ParsedChanges parseChanges(const QJsonObject &body, const Currency &currency,
                           QList<FieldError> &errors)
{
    ParsedChanges c;
    JsonReader in(body);
    if (const auto add = in.optionalArray(QStringLiteral("add_lines")))
        c.add = parseContractLines(*add, QStringLiteral("add_lines"), currency, errors);
    if (const auto rep = in.optionalArray(QStringLiteral("replace_lines"))) {
        for (qsizetype i = 0; i < rep->size(); ++i) {
            const QString at = QStringLiteral("replace_lines/%1").arg(i);
            JsonReader r = in.child(at, rep->at(i).toObject());
            const qint64 lineId = r.requiredInt64(QStringLiteral("line_id"));
            errors.append(r.errors());
            c.replace.append(
                {lineId, parseContractLine(rep->at(i).toObject(), at, currency, errors)});
        }
    }
    if (const auto rem = in.optionalArray(QStringLiteral("remove_lines"))) {
        for (qsizetype i = 0; i < rem->size(); ++i) {
            const auto id = int64FromJson(rem->at(i));
            if (!id)
                errors.append({QStringLiteral("remove_lines/%1").arg(i),
                               FieldErrorCode::InvalidValue, QStringLiteral("a line id")});
            else
                c.remove.append(*id);
        }
    }
    c.startDate = in.optionalDate(QStringLiteral("start_date"));
    c.endDate = in.optionalDate(QStringLiteral("end_date"));
    errors.append(in.errors());
    return c;
}

} // namespace

QJsonObject ContractService::changeOrderJson(const ChangeOrderRow &r, const QString &currency) const
{
    const Money before = moneyOf(r.valueBefore, currency);
    const Money after = moneyOf(r.valueAfter, currency);
    return {
        {"id", idToJson(r.id)},
        {"contract_id", idToJson(r.contractId)},
        {"base_contract_version", r.baseVersion},
        {"status", r.status},
        {"reason", r.reason},
        {"changes", r.changes},
        {"value_before", moneyToJson(before)},
        {"value_after", moneyToJson(after)},
        {"value_change", moneyToJson(after.subtract(before).valueOr(Money()))},
        {"approval_request_id", r.approvalRequestId ? idToJson(r.approvalRequestId) : QJsonValue()},
        {"decision_comment",
         r.decisionComment.isEmpty() ? QJsonValue() : QJsonValue(r.decisionComment)},
        {"submitted_by", idToJson(r.submittedBy)},
        {"version", r.version}};
}

QJsonObject ContractService::submitChangeOrder(const Request &request, qint64 contractId,
                                               const QJsonObject &body) const
{
    JsonReader in(body);
    const QString reason = in.requiredString(QStringLiteral("reason")).trimmed();
    throwIfErrors(in.errors());

    db::Transaction tx(m_store.db());
    const ContractRow row = visibleContract(request, contractId, true);
    requireVersion(request, body, row.version);
    if (!contractMachine().tryNext(row.status, QStringLiteral("amend")))
        throw ApiError::conflict(
            QStringLiteral("The contract is %1; only a signed contract takes change orders.")
                .arg(row.status));
    const Currency currency = currencyOf(row.currency);
    QList<FieldError> errors;
    const ParsedChanges changes = parseChanges(body, currency, errors);
    checkJobRoles(m_store, changes.add, QStringLiteral("add_lines"), errors);
    if (reason.size() > 2000)
        errors.append({"reason", "invalid_value", "at most 2000 characters"});
    if (changes.add.isEmpty() && changes.replace.isEmpty() && changes.remove.isEmpty() &&
        !changes.startDate && !changes.endDate)
        errors.append({"add_lines", "required",
                       "a change order changes lines (add_lines, replace_lines, remove_lines) or "
                       "dates"});
    const QList<ContractLine> current = m_store.lines(contractId, row.currency);
    QHash<qint64, Money> valueById;
    for (const ContractLine &l : current)
        valueById.insert(l.id, l.value);
    Money after = moneyOf(row.totalValue, row.currency);
    QSet<qint64> touched;
    const auto touch = [&](qint64 id, const QString &field) {
        if (!valueById.contains(id)) {
            errors.append({field, "unknown", "the contract has no such line"});
            return false;
        }
        if (touched.contains(id)) {
            errors.append({field, "duplicate", "the line is changed twice"});
            return false;
        }
        touched.insert(id);
        after = after.subtract(valueById.value(id)).valueOr(after);
        return true;
    };
    for (qsizetype i = 0; i < changes.remove.size(); ++i)
        touch(changes.remove[i], QStringLiteral("remove_lines/%1").arg(i));
    for (qsizetype i = 0; i < changes.replace.size(); ++i)
        if (touch(changes.replace[i].first, QStringLiteral("replace_lines/%1/line_id").arg(i)))
            after = after.add(changes.replace[i].second.value).valueOr(after);
    for (const ContractLine &l : changes.add)
        after = after.add(l.value).valueOr(after);
    const QDate start = changes.startDate.value_or(row.startDate);
    const QDate end = changes.endDate.value_or(row.endDate);
    if (end < start)
        errors.append({"end_date", "invalid_value", "must not be before start_date"});
    if (touched.size() == current.size() && changes.add.isEmpty() && !current.isEmpty())
        errors.append({"remove_lines", "invalid_value", "a contract keeps at least one line"});
    throwIfErrors(errors);

    ChangeOrderRow co;
    co.contractId = contractId;
    co.baseVersion = row.contractVersion;
    co.reason = reason;
    QJsonObject stored;
    for (const char *key : {"add_lines", "replace_lines", "remove_lines", "start_date", "end_date"})
        if (body.contains(QLatin1String(key)))
            stored.insert(QLatin1String(key), body.value(QLatin1String(key)));
    co.changes = stored;
    co.valueBefore = row.totalValue;
    co.valueAfter = after.toString();
    co.submittedBy = request.caller().user.id;
    const qint64 coId = m_store.insertChangeOrder(co, row.legalEntityId);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("contract_change_order.submit"),
                                        kChangeOrder, QString::number(coId));
    audit.after = changeOrderJson(*m_store.changeOrder(coId, false), row.currency);
    appendAudit(m_store.db(), audit);

    const Money delta =
        after.subtract(moneyOf(row.totalValue, row.currency)).valueOr(Money::zero(currency));
    qint64 requestId = 0;
    if (m_workflow) {
        ApprovalSubject subject;
        subject.documentType = kChangeOrder;
        subject.documentId = QString::number(coId);
        subject.legalEntity = row.legalEntity;
        subject.practice = row.practice;
        subject.submitterId = request.caller().user.id;
        subject.title = QStringLiteral("%1 change order: %2")
                            .arg(row.number.isEmpty() ? row.title : row.number, reason.left(80));
        subject.facts = {{"amount", delta.abs().toString()}};
        requestId = m_workflow->submit(m_store.db(), request, subject);
    }
    if (requestId)
        m_store.setChangeOrderRequest(coId, requestId);
    else
        applyChangeOrder(request, coId); // no policy applies: approved as submitted
    tx.commit();
    return changeOrderJson(*m_store.changeOrder(coId, false), row.currency);
}

void ContractService::applyChangeOrder(const Request &request, qint64 changeOrderId) const
{
    const auto co = m_store.changeOrder(changeOrderId, true);
    if (!co)
        throw ApiError::notFound(QStringLiteral("There is no change order %1.").arg(changeOrderId));
    changeOrderMachine().next(co->status, QStringLiteral("approve"));
    const auto row = m_store.contract(co->contractId, true);
    if (!row || !contractMachine().tryNext(row->status, QStringLiteral("amend")))
        throw ApiError::conflict(QStringLiteral("The contract no longer takes change orders."));
    if (row->contractVersion != co->baseVersion)
        throw ApiError::conflict(
            QStringLiteral("The change order was written against contract version %1, which is "
                           "now version %2.")
                .arg(co->baseVersion)
                .arg(row->contractVersion));
    QList<FieldError> errors;
    const ParsedChanges changes = parseChanges(co->changes, currencyOf(row->currency), errors);
    if (!errors.isEmpty())
        throw ApiError::conflict(QStringLiteral("The change order no longer applies."));

    QHash<qint64, int> lineNoById;
    for (const ContractLine &l : m_store.lines(row->id, row->currency))
        lineNoById.insert(l.id, l.lineNo);
    QList<qint64> gone = changes.remove;
    for (const auto &r : changes.replace)
        gone.append(r.first);
    for (qint64 id : gone)
        if (!lineNoById.contains(id))
            throw ApiError::conflict(
                QStringLiteral("Line %1 is no longer on the contract.").arg(id));
    m_store.deleteLines(row->id, gone);
    for (const auto &r : changes.replace)
        m_store.insertLines(row->id, {r.second}, lineNoById.value(r.first));
    m_store.insertLines(row->id, changes.add, m_store.maxLineNo(row->id) + 1);

    const QList<ContractLine> lines = m_store.lines(row->id, row->currency);
    const auto total = totalOf(lines, currencyOf(row->currency));
    if (!total)
        throw ApiError::conflict(QStringLiteral("The amended total is out of range."));
    const int next = row->contractVersion + 1;
    const QDate start = changes.startDate.value_or(row->startDate);
    const QDate end = changes.endDate.value_or(row->endDate);
    m_store.applyAmendment(row->id, total->toString(), start, end, next);
    m_store.insertVersion(row->id, next, total->toString(), start, end, linesJson(lines),
                          changeOrderId, request.principal ? request.caller().user.id : 0);
    m_store.decideChangeOrder(changeOrderId, QStringLiteral("approved"), QString());

    AuditEntry audit = AuditEntry::from(request, QStringLiteral("contract.amend"), kContract,
                                        QString::number(row->id));
    audit.before = {{"contract_version", row->contractVersion},
                    {"total_value", moneyToJson(moneyOf(row->totalValue, row->currency))}};
    audit.after = {{"contract_version", next},
                   {"total_value", moneyToJson(*total)},
                   {"change_order_id", idToJson(changeOrderId)}};
    appendAudit(m_store.db(), audit);
    m_events.publish(m_store.db(), request,
                     {DomainEventType::ContractAmended,
                      {{"contract_id", idToJson(row->id)},
                       {"contract_version", next},
                       {"change_order_id", idToJson(changeOrderId)}}});
}

void ContractService::amendFromChangeRequest(const ContractStore &store, const Request &request,
                                             qint64 contractId, const Money &delta,
                                             const QString &description, const QString &source)
{
    if (delta.isZero())
        return;
    const auto row = store.contract(contractId, true);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no contract %1.").arg(contractId));
    if (!contractMachine().tryNext(row->status, QStringLiteral("amend")))
        throw ApiError::conflict(
            QStringLiteral("Contract %1 is %2; its value can no longer change.")
                .arg(row->number.isEmpty() ? QString::number(contractId) : row->number,
                     row->status));
    if (delta.currency().code() != row->currency)
        throw ApiError::conflict(QStringLiteral("The change is in %1; contract %2 is in %3.")
                                     .arg(delta.currency().code())
                                     .arg(contractId)
                                     .arg(row->currency));
    const Money before = moneyOf(row->totalValue, row->currency);
    const auto total = before.add(delta);
    if (!total || total->isNegative())
        throw ApiError::conflict(
            QStringLiteral("The change would take contract %1 below zero or out of range.")
                .arg(contractId));
    if (!delta.isNegative()) {
        // One fixed-fee line for the change, billed once on the approval date (within the
        // contract's term), so its schedule sums to its value like every fixed-fee line.
        ContractLine line;
        line.description = description.trimmed().left(500);
        line.billingModel = QStringLiteral("fixed_fee");
        line.value = delta;
        const QDate due = std::clamp(QDate::currentDate(), row->startDate, row->endDate);
        line.schedule = {{QString(), delta, due}};
        store.insertLines(row->id, {line}, store.maxLineNo(row->id) + 1);
    } else {
        // A reduction comes off lines earlier change requests added (newest first), so the
        // lines keep adding up to the contract; what they cannot absorb lowers the total only.
        Money left = delta.abs();
        const QList<ContractLine> current = store.lines(row->id, row->currency);
        for (auto it = current.crbegin(); it != current.crend() && !left.isZero(); ++it) {
            if (it->billingModel != QLatin1String("fixed_fee") || it->schedule.size() != 1 ||
                !it->description.startsWith(QLatin1String("Change request ")))
                continue;
            const Money take = it->value.minorUnits() < left.minorUnits() ? it->value : left;
            ContractLine reduced = *it;
            reduced.id = 0;
            reduced.value = *it->value.subtract(take);
            reduced.schedule[0].amount = reduced.value;
            store.deleteLines(row->id, {it->id});
            if (!reduced.value.isZero())
                store.insertLines(row->id, {reduced}, it->lineNo);
            left = *left.subtract(take);
        }
    }
    const QList<ContractLine> lines = store.lines(row->id, row->currency);
    const int next = row->contractVersion + 1;
    const qint64 userId = request.principal ? request.caller().user.id : 0;
    store.applyAmendment(row->id, total->toString(), row->startDate, row->endDate, next);
    store.insertVersion(row->id, next, total->toString(), row->startDate, row->endDate,
                        linesJson(lines), 0, userId);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("contract.amend"), kContract,
                                        QString::number(row->id));
    audit.before = {{"contract_version", row->contractVersion},
                    {"total_value", moneyToJson(before)}};
    audit.after = {{"contract_version", next},
                   {"total_value", moneyToJson(*total)},
                   {"delta_value", moneyToJson(delta)},
                   {"source", source}};
    appendAudit(store.db(), audit);
}

void ContractService::rejectChangeOrder(const Request &request, qint64 changeOrderId,
                                        const QString &comment) const
{
    const auto co = m_store.changeOrder(changeOrderId, true);
    if (!co)
        throw ApiError::notFound(QStringLiteral("There is no change order %1.").arg(changeOrderId));
    changeOrderMachine().next(co->status, QStringLiteral("reject"));
    m_store.decideChangeOrder(changeOrderId, QStringLiteral("rejected"), comment);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("contract_change_order.reject"),
                                        kChangeOrder, QString::number(changeOrderId));
    audit.before = {{"status", co->status}};
    audit.after = {{"status", "rejected"}, {"comment", comment}};
    appendAudit(m_store.db(), audit);
}

QJsonObject ContractService::changeOrders(const Request &request, qint64 contractId,
                                          const PageRequest &page) const
{
    const ContractRow row = visibleContract(request, contractId, false);
    QJsonArray items;
    for (const ChangeOrderRow &r : m_store.changeOrders(contractId, page.after, page.limit))
        items.append(changeOrderJson(r, row.currency));
    return page.page(items);
}

QJsonObject ContractService::changeOrder(const Request &request, qint64 id) const
{
    const auto co = m_store.changeOrder(id, false);
    if (!co)
        throw ApiError::notFound(QStringLiteral("There is no change order %1.").arg(id));
    const ContractRow row = visibleContract(request, co->contractId, false);
    return changeOrderJson(*co, row.currency);
}

} // namespace keel
