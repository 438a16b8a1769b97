#include "invoice_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "invoice_json.h"
#include "invoice_pdf.h"
#include "json_codec.h"
#include "permissions.h"
#include "timeexpense/expense_values.h"
#include "workflow/state_machine.h"
#include "workflow/workflow_service.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel {

using expense_values::covers;

namespace {

const QString kInvoiceDoc = QStringLiteral("invoice");
const QString kWriteDownDoc = QStringLiteral("invoice_write_down");

void audit(const Request &request, QSqlDatabase db, const QString &action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e =
        AuditEntry::from(request, action, QStringLiteral("invoice"), QString::number(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

// A version is checked when the caller sends one (actions that are not edits).
void checkVersionIfSent(const Request &request, const QJsonObject &body, int version)
{
    if (body.contains(QStringLiteral("version")) || !request.header("If-Match").isEmpty())
        requireVersion(request, body, version);
}

qint64 queryId(const Request &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(name, "invalid_value", QStringLiteral("a record id"));
    return id;
}

QDate queryDate(const Request &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return {};
    const auto d = parseDate(text);
    if (!d)
        throw ApiError::invalidField(name, "invalid_value", QStringLiteral("a date YYYY-MM-DD"));
    return *d;
}

QString decimalText(const Money &m)
{
    return m.toDecimal().toString();
}

} // namespace

const StateMachine &InvoiceService::machine()
{
    // Approval that waits keeps the invoice in draft (approval.status pending); the workflow's
    // handler moves it on. partially_paid and paid are receivables' (receipt allocation).
    static const StateMachine m{
        QStringLiteral("invoice"),
        {"draft", "approved", "issued", "partially_paid", "paid", "voided", "cancelled"},
        QStringLiteral("draft"),
        {{"draft", "approve", "approved"},
         {"draft", "reject", "draft"},
         {"draft", "hold_all", "cancelled"},
         {"approved", "issue", "issued"},
         {"issued", "credit", "voided"},
         {"issued", "credit_part", "issued"},
         {"issued", "pay_part", "partially_paid"},
         {"issued", "pay", "paid"},
         {"partially_paid", "pay_part", "partially_paid"},
         {"partially_paid", "pay", "paid"},
         {"partially_paid", "credit_part", "partially_paid"}}};
    return m;
}

InvoiceService::InvoiceService(DbConfig config, const WorkflowService *workflow)
    : m_store(config), m_ledger(config), m_issuer(m_store, m_ledger), m_workflow(workflow)
{}

void InvoiceService::registerStateMachines()
{
    StateMachineRegistry::add(machine());
}

void InvoiceService::registerApprovalHandlers(WorkflowService &workflow) const
{
    workflow.registerHandler(
        kInvoiceDoc, {[this](QSqlDatabase, const Request &r, const QString &id) {
                          approvalDecided(r, id.toLongLong(), true);
                      },
                      [this](QSqlDatabase, const Request &r, const QString &id, const QString &) {
                          approvalDecided(r, id.toLongLong(), false);
                      }});
    workflow.registerHandler(
        kWriteDownDoc, {[this](QSqlDatabase, const Request &r, const QString &id) {
                            writeDownDecided(r, id.toLongLong(), true);
                        },
                        [this](QSqlDatabase, const Request &r, const QString &id, const QString &) {
                            writeDownDecided(r, id.toLongLong(), false);
                        }});
}

InvoiceRow InvoiceService::visible(const Request &request, qint64 id, const char *permission,
                                   bool lock) const
{
    const auto row = m_store.invoice(m_store.db(), id, lock);
    if (!row || !covers(request.caller().entitiesFor(QString::fromLatin1(permission)), row->entity))
        throw ApiError::notFound(QStringLiteral("There is no invoice %1.").arg(id));
    return *row;
}

void InvoiceService::requireEditableDraft(const InvoiceRow &row) const
{
    if (row.status != QLatin1String("draft"))
        conflict(QStringLiteral("status"), "not_draft",
                 QStringLiteral("Invoice %1 is %2; only drafts can be changed.")
                     .arg(row.id)
                     .arg(row.status));
    if (row.approvalStatus == QLatin1String("pending"))
        conflict(QStringLiteral("approval"), "approval_pending",
                 QStringLiteral("Invoice %1 waits for approval; it cannot change meanwhile.")
                     .arg(row.id));
}

QJsonObject InvoiceService::list(const Request &request) const
{
    const PageRequest page = PageRequest::from(request);
    InvoiceFilter f;
    f.entities = request.caller().entitiesFor(QString::fromLatin1(Permission::BillingUse));
    f.entityId = queryId(request, QStringLiteral("legal_entity_id"));
    f.accountId = queryId(request, QStringLiteral("account_id"));
    f.runId = queryId(request, QStringLiteral("billing_run_id"));
    f.status = request.query.queryItemValue(QStringLiteral("status"));
    if (!f.status.isEmpty() && !machine().states.contains(f.status))
        throw ApiError::invalidField(QStringLiteral("status"), "invalid_value",
                                     machine().states.join(QStringLiteral(", ")));
    f.kind = request.query.queryItemValue(QStringLiteral("kind"));
    if (!f.kind.isEmpty() && f.kind != QLatin1String("invoice") &&
        f.kind != QLatin1String("credit_note"))
        throw ApiError::invalidField(QStringLiteral("kind"), "invalid_value",
                                     QStringLiteral("invoice or credit_note"));
    f.from = queryDate(request, QStringLiteral("from"));
    f.to = queryDate(request, QStringLiteral("to"));
    f.q = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed().left(100);
    f.after = page.after;
    f.limit = page.limit;
    QJsonArray items;
    for (const InvoiceRow &r : m_store.list(m_store.db(), f))
        items.append(invoiceJson(r));
    return page.page(items);
}

QJsonObject InvoiceService::get(const Request &request, qint64 id) const
{
    const InvoiceRow row = visible(request, id, Permission::BillingUse, false);
    const QList<InvoiceLineRow> lines = m_store.lines(m_store.db(), id);
    return invoiceJson(row, &lines);
}

QJsonObject InvoiceService::sources(const Request &request, qint64 id, qint64 lineId) const
{
    visible(request, id, Permission::BillingUse, false);
    const auto line = m_store.line(m_store.db(), id, lineId);
    if (!line)
        throw ApiError::notFound(QStringLiteral("Invoice %1 has no line %2.").arg(id).arg(lineId));
    return {{"invoice_id", idToJson(id)},
            {"line", invoiceLineJson(*line)},
            {"items", m_store.sources(m_store.db(), lineId)}};
}

QJsonObject InvoiceService::patch(const Request &request, qint64 id, const QJsonObject &body) const
{
    JsonReader in(body);
    const auto notes = in.optionalString(QStringLiteral("notes"));
    const auto showTime = in.optionalBool(QStringLiteral("show_time_detail"));
    const auto invoiceDate = in.optionalDate(QStringLiteral("invoice_date"));
    const auto dueDate = in.optionalDate(QStringLiteral("due_date"));
    const auto lines = in.optionalArray(QStringLiteral("lines"));
    if (notes && notes->size() > 4000)
        in.addError(QStringLiteral("notes"), "invalid_value",
                    QStringLiteral("at most 4,000 characters"));
    QList<std::pair<qint64, QString>> descriptions;
    if (lines)
        for (qsizetype i = 0; i < lines->size(); ++i) {
            JsonReader l = in.child(QStringLiteral("lines/%1").arg(i), lines->at(i).toObject());
            const qint64 lineId = l.requiredInt64(QStringLiteral("id"));
            const QString text = l.requiredString(QStringLiteral("description")).trimmed();
            if (l.ok() && text.size() > 500)
                l.addError(QStringLiteral("description"), "invalid_value",
                           QStringLiteral("at most 500 characters"));
            in.addErrors(l.errors());
            descriptions.append({lineId, text});
        }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    QSqlDatabase db = m_store.db();
    const InvoiceRow row = visible(request, id, Permission::BillingManage, true);
    requireEditableDraft(row);
    requireVersion(request, body, row.version);
    const QDate newInvoiceDate = invoiceDate.value_or(row.invoiceDate);
    // Moving the invoice date keeps the payment terms unless a due date is given.
    const QDate newDueDate = dueDate.value_or(
        invoiceDate ? newInvoiceDate.addDays(row.invoiceDate.daysTo(row.dueDate)) : row.dueDate);
    if (newDueDate < newInvoiceDate)
        throw ApiError::invalidField(
            QStringLiteral("due_date"), "before_invoice_date",
            QStringLiteral("the due date is on or after the invoice date"));
    for (qsizetype i = 0; i < descriptions.size(); ++i)
        if (!m_store.line(db, id, descriptions.at(i).first))
            throw ApiError::invalidField(
                QStringLiteral("lines/%1/id").arg(i), "unknown",
                QStringLiteral("no line %1 on this invoice").arg(descriptions.at(i).first));
    const QList<InvoiceLineRow> beforeLines = m_store.lines(db, id);
    const QJsonObject before = invoiceJson(row, &beforeLines);
    m_store.updateHeader(db, id, notes.value_or(row.notes), showTime.value_or(row.showTimeDetail),
                         newInvoiceDate, newDueDate);
    for (const auto &[lineId, text] : descriptions)
        m_store.updateLineDescription(db, lineId, text);
    const QJsonObject after = get(request, id);
    audit(request, db, QStringLiteral("invoice.update"), id, before, after);
    tx.commit();
    return after;
}

std::pair<InvoiceRow, std::optional<InvoiceLineRow>>
InvoiceService::editableLine(const Request &request, qint64 id, qint64 lineId,
                             const QJsonObject &body) const
{
    const InvoiceRow row = visible(request, id, Permission::BillingManage, true);
    requireEditableDraft(row);
    checkVersionIfSent(request, body, row.version);
    const auto line = m_store.line(m_store.db(), id, lineId);
    if (!line)
        throw ApiError::notFound(QStringLiteral("Invoice %1 has no line %2.").arg(id).arg(lineId));
    if (line->writeDownStatus == QLatin1String("pending"))
        conflict(QStringLiteral("write_down_status"), "write_down_pending",
                 QStringLiteral("Line %1 waits for a write-down decision.").arg(lineId));
    return {row, line};
}

QJsonObject InvoiceService::hold(const Request &request, qint64 id, qint64 lineId,
                                 const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    QSqlDatabase db = m_store.db();
    const auto [row, line] = editableLine(request, id, lineId, body);
    m_store.deleteLine(db, lineId); // its sources go with it: the next run bills them
    m_store.recomputeTotals(db, id);
    if (m_store.lines(db, id).isEmpty())
        m_store.setStatus(db, id, machine().next(row.status, QStringLiteral("hold_all")), 0, 0);
    const QJsonObject after = get(request, id);
    audit(request, db, QStringLiteral("invoice.hold_line"), id,
          {{"line", invoiceLineJson(*line)}, {"total", moneyToJson(row.total)}},
          {{"status", after.value("status")}, {"total", after.value("total")}});
    tx.commit();
    return after;
}

QJsonObject InvoiceService::writeDown(const Request &request, qint64 id, qint64 lineId,
                                      const QJsonObject &body) const
{
    JsonReader in(body);
    const Money amount = in.requiredMoney(QStringLiteral("amount"));
    const QString reason = in.requiredString(QStringLiteral("reason")).trimmed();
    if (in.ok() && reason.size() > 500)
        in.addError(QStringLiteral("reason"), "invalid_value",
                    QStringLiteral("at most 500 characters"));
    if (in.ok() && !amount.isPositive())
        in.addError(QStringLiteral("amount"), "invalid_value", QStringLiteral("a positive amount"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    QSqlDatabase db = m_store.db();
    const auto [row, line] = editableLine(request, id, lineId, body);
    if (amount.currency().code() != row.currency)
        throw ApiError::invalidField(QStringLiteral("amount"), "currency_mismatch",
                                     QStringLiteral("the invoice is in %1").arg(row.currency));
    if (!line->gross.isPositive() || amount > line->gross)
        throw ApiError::invalidField(QStringLiteral("amount"), "exceeds_gross",
                                     QStringLiteral("at most the line's gross amount %1 %2")
                                         .arg(line->gross.toString(), row.currency));
    const qint64 requestId =
        m_workflow ? m_workflow->submit(
                         db, request,
                         ApprovalSubject{kWriteDownDoc,
                                         QString::number(lineId),
                                         row.entity,
                                         QString(),
                                         request.caller().user.id,
                                         QStringLiteral("Write-down %1 %2 on invoice draft %3 "
                                                        "(%4): %5")
                                             .arg(amount.toString(), row.currency)
                                             .arg(id)
                                             .arg(row.accountName, reason),
                                         {{"amount", decimalText(amount)}}})
                   : 0;
    m_store.setWriteDown(db, lineId, amount, reason, QStringLiteral("pending"), requestId);
    if (requestId == 0) // no policy applies: approved as asked
        applyWriteDown(db, *m_store.line(db, id, lineId));
    else
        m_store.touch(db, id);
    const QJsonObject after = get(request, id);
    audit(request, db, QStringLiteral("invoice.write_down"), id, {{"line", invoiceLineJson(*line)}},
          {{"line_id", idToJson(lineId)},
           {"write_down", moneyToJson(amount)},
           {"reason", reason},
           {"approval_request_id", requestId ? idToJson(requestId) : QJsonValue()}});
    tx.commit();
    return after;
}

void InvoiceService::applyWriteDown(QSqlDatabase db, const InvoiceLineRow &line) const
{
    const Money amount = line.gross.subtract(line.writeDown).valueOr(line.gross);
    m_store.setWriteDownStatus(db, line.id, QStringLiteral("approved"), amount,
                               lineTax(amount, line.taxRate));
    m_store.recomputeTotals(db, line.invoiceId);
}

void InvoiceService::writeDownDecided(const Request &request, qint64 lineId, bool approved) const
{
    QSqlDatabase db = m_store.db();
    const auto found = m_store.lineById(db, lineId);
    if (!found)
        throw ApiError::notFound(QStringLiteral("There is no invoice line %1.").arg(lineId));
    const auto row = m_store.invoice(db, found->invoiceId, true);
    const auto line = m_store.lineById(db, lineId); // read again under the invoice's lock
    if (!row || !line || line->writeDownStatus != QLatin1String("pending"))
        conflict(QStringLiteral("write_down_status"), "not_pending",
                 QStringLiteral("Line %1 has no write-down waiting.").arg(lineId));
    if (approved)
        applyWriteDown(db, *line);
    else {
        m_store.setWriteDownStatus(db, lineId, QStringLiteral("rejected"), line->amount,
                                   line->taxAmount);
        m_store.touch(db, row->id);
    }
    audit(request, db,
          approved ? QStringLiteral("invoice.write_down_approve")
                   : QStringLiteral("invoice.write_down_reject"),
          row->id, {{"line", invoiceLineJson(*line)}, {"total", moneyToJson(row->total)}},
          {{"line", invoiceLineJson(*m_store.lineById(db, lineId))},
           {"total", moneyToJson(m_store.invoice(db, row->id, false)->total)}});
}

QJsonObject InvoiceService::approve(const Request &request, qint64 id,
                                    const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    QSqlDatabase db = m_store.db();
    const InvoiceRow row = visible(request, id, Permission::BillingManage, true);
    const QString to = machine().next(row.status, QStringLiteral("approve"));
    if (row.approvalStatus == QLatin1String("pending"))
        conflict(QStringLiteral("approval"), "approval_pending",
                 QStringLiteral("Invoice %1 already waits for approval.").arg(id));
    checkVersionIfSent(request, body, row.version);
    if (m_store.pendingWriteDowns(db, id) > 0)
        conflict(QStringLiteral("lines"), "write_down_pending",
                 QStringLiteral("A write-down on invoice %1 waits for its decision.").arg(id));
    if (m_store.lines(db, id).isEmpty())
        conflict(QStringLiteral("lines"), "empty",
                 QStringLiteral("Invoice %1 has no lines.").arg(id));
    const qint64 requestId =
        m_workflow
            ? m_workflow->submit(
                  db, request,
                  ApprovalSubject{kInvoiceDoc,
                                  QString::number(id),
                                  row.entity,
                                  QString(),
                                  request.caller().user.id,
                                  QStringLiteral("Invoice draft %1: %2, %3 %4")
                                      .arg(id)
                                      .arg(row.accountName, row.total.toString(), row.currency),
                                  {{"total", decimalText(row.total)}}})
            : 0;
    if (requestId == 0)
        m_store.setStatus(db, id, to, request.caller().user.id, 0);
    else
        m_store.setStatus(db, id, row.status, 0, requestId);
    const QJsonObject after = get(request, id);
    audit(request, db, QStringLiteral("invoice.submit"), id,
          {{"status", row.status}, {"version", row.version}},
          {{"status", after.value("status")},
           {"approval_request_id", requestId ? idToJson(requestId) : QJsonValue()}});
    tx.commit();
    return after;
}

void InvoiceService::approvalDecided(const Request &request, qint64 id, bool approved) const
{
    QSqlDatabase db = m_store.db();
    const auto row = m_store.invoice(db, id, true);
    if (!row)
        throw ApiError::notFound(QStringLiteral("There is no invoice %1.").arg(id));
    const QString to = machine().next(row->status, approved ? QStringLiteral("approve")
                                                            : QStringLiteral("reject"));
    m_store.setStatus(db, id, to, approved ? request.caller().user.id : 0, 0);
    audit(request, db,
          approved ? QStringLiteral("invoice.approve") : QStringLiteral("invoice.reject"), id,
          {{"status", row->status}}, {{"status", to}});
}

QJsonObject InvoiceService::issue(const Request &request, qint64 id, const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    const InvoiceRow row = visible(request, id, Permission::BillingManage, true);
    machine().next(row.status, QStringLiteral("issue"));
    checkVersionIfSent(request, body, row.version);
    m_issuer.issue(m_store.db(), {row}, {request.caller().user.id, &request, {}});
    const QJsonObject after = get(request, id);
    tx.commit();
    return after;
}

QJsonObject InvoiceService::bulk(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString action = in.requiredString(QStringLiteral("action"));
    const QJsonArray idsJson = in.requiredArray(QStringLiteral("ids"));
    if (in.ok() && action != QLatin1String("approve") && action != QLatin1String("issue"))
        in.addError(QStringLiteral("action"), "invalid_value", QStringLiteral("approve or issue"));
    if (in.ok() && (idsJson.isEmpty() || idsJson.size() > 2000))
        in.addError(QStringLiteral("ids"), "invalid_value", QStringLiteral("1 to 2,000 ids"));
    QList<qint64> ids;
    for (qsizetype i = 0; in.ok() && i < idsJson.size(); ++i) {
        const auto v = int64FromJson(idsJson.at(i));
        if (!v || *v <= 0 || ids.contains(*v))
            in.addError(QStringLiteral("ids/%1").arg(i), "invalid_value",
                        QStringLiteral("distinct invoice ids"));
        else
            ids.append(*v);
    }
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    QHash<qint64, QJsonObject> results;
    const auto fail = [&](qint64 id, const ApiError &e) {
        results.insert(
            id, {{"id", idToJson(id)}, {"status", "error"}, {"problem", e.problem().toJson()}});
    };
    const auto ok = [&](qint64 id) {
        results.insert(id, {{"id", idToJson(id)}, {"status", "ok"}});
    };
    db::Transaction tx(m_store.db());
    QSqlDatabase db = m_store.db();
    if (action == QLatin1String("approve")) {
        for (const qint64 id : ids) {
            try {
                db::Transaction sp(db);
                approve(request, id, {});
                sp.commit();
                ok(id);
            } catch (const ApiError &e) {
                fail(id, e);
            }
        }
    } else {
        // Set-based first: all issuable invoices in one batch. Should one of them fail (a rate
        // missing, a closed period), each is retried alone so the others still issue.
        const QStringList entities =
            request.caller().entitiesFor(QString::fromLatin1(Permission::BillingManage));
        QList<InvoiceRow> issuable;
        for (const InvoiceRow &r : m_store.invoices(db, ids, true)) {
            if (!covers(entities, r.entity))
                continue;
            if (!machine().tryNext(r.status, QStringLiteral("issue")))
                fail(r.id, ApiError::conflict(QStringLiteral("Invoice %1 is %2; only approved "
                                                             "invoices are issued.")
                                                  .arg(r.id)
                                                  .arg(r.status)));
            else
                issuable.append(r);
        }
        for (const qint64 id : ids)
            if (!results.contains(id) &&
                std::none_of(issuable.begin(), issuable.end(),
                             [id](const InvoiceRow &r) { return r.id == id; }))
                fail(id, ApiError::notFound(QStringLiteral("There is no invoice %1.").arg(id)));
        for (const auto &[id, problem] : InvoiceIssuer::refusals(db, issuable)) {
            fail(id, problem);
            issuable.removeIf([id = id](const InvoiceRow &r) { return r.id == id; });
        }
        const IssueActor actor{request.caller().user.id, &request, {}};
        bool together = false;
        try {
            db::Transaction sp(db);
            m_issuer.issue(db, issuable, actor);
            sp.commit();
            together = true;
        } catch (const ApiError &) {
        }
        for (const InvoiceRow &r : issuable) {
            if (together) {
                ok(r.id);
                continue;
            }
            try {
                db::Transaction sp(db);
                m_issuer.issue(db, {r}, actor);
                sp.commit();
                ok(r.id);
            } catch (const ApiError &e) {
                fail(r.id, e);
            }
        }
    }
    tx.commit();
    QJsonArray out;
    for (const qint64 id : ids)
        out.append(results.value(id));
    return {{"results", out}};
}

QByteArray InvoiceService::pdf(const Request &request, qint64 id) const
{
    const InvoiceRow row = visible(request, id, Permission::BillingUse, false);
    QSqlDatabase db = m_store.db();
    InvoiceDocument doc;
    doc.invoice = row;
    doc.lines = m_store.lines(db, id);
    doc.parties = invoiceParties(db, id);
    if (row.showTimeDetail)
        doc.time = m_store.timeDetail(db, id);
    if (row.creditsInvoiceId)
        if (const auto credited = m_store.invoice(db, row.creditsInvoiceId, false))
            doc.creditsNumber = credited->number;
    return renderInvoicePdf(doc);
}

void InvoiceService::approveAndIssueMany(QSqlDatabase db, const QList<qint64> &ids, qint64 userId,
                                         QDate issueDate) const
{
    if (ids.isEmpty())
        return;
    db::Transaction tx(db);
    QList<InvoiceRow> rows = m_store.invoices(db, ids, true);
    if (rows.size() != QSet<qint64>(ids.begin(), ids.end()).size())
        throw ApiError::notFound(
            QStringLiteral("Some of the %1 invoices do not exist.").arg(ids.size()));
    QStringList drafts;
    for (InvoiceRow &r : rows) {
        if (r.status == QLatin1String("draft")) {
            drafts << QString::number(r.id);
            r.status = QStringLiteral("approved");
        } else if (r.status != QLatin1String("approved")) {
            conflict(QStringLiteral("status"), "not_draft",
                     QStringLiteral("Invoice %1 is %2.").arg(r.id).arg(r.status));
        }
    }
    QStringList all;
    for (const InvoiceRow &r : rows)
        all << QString::number(r.id);
    QSqlQuery pending = db::query(
        db,
        QStringLiteral("SELECT invoice_id FROM invoice_lines WHERE invoice_id = ANY(?::bigint[]) "
                       "AND write_down_status = 'pending' LIMIT 1"),
        {u'{' + all.join(u',') + u'}'});
    if (pending.next())
        conflict(QStringLiteral("lines"), "write_down_pending",
                 QStringLiteral("A write-down on invoice %1 waits for its decision.")
                     .arg(pending.value(0).toLongLong()));
    if (!drafts.isEmpty())
        db::query(db,
                  QStringLiteral("UPDATE invoices SET status = 'approved', approved_by = ?, "
                                 "version = version + 1, updated_at = now() "
                                 "WHERE id = ANY(?::bigint[])"),
                  {userId, u'{' + drafts.join(u',') + u'}'});
    m_issuer.issue(
        db, rows,
        {userId, nullptr,
         issueDate.isValid() ? QDateTime(issueDate, QTime(12, 0), Qt::UTC) : QDateTime()});
    tx.commit();
}

} // namespace keel
