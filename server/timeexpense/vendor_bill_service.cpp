#include "vendor_bill_service.h"

#include "audit/audit_log.h"
#include "expense_values.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "ledger/fx_rates.h"
#include "ledger/posting_rules.h"
#include "roles.h"
#include "rounding.h"
#include "workflow/state_machine.h"

namespace keel {

using namespace expense_values;

// Payments (server/payables) take an approved bill to partially paid and paid.
const StateMachine &VendorBillService::machine()
{
    static const StateMachine m{
        QStringLiteral("vendor_bill"),
        {"draft", "submitted", "approved", "rejected", "partially_paid", "paid"},
        QStringLiteral("draft"),
        {{"draft", "submit", "submitted"},
         {"rejected", "submit", "submitted"},
         {"submitted", "approve", "approved"},
         {"submitted", "reject", "rejected"},
         {"approved", "pay_part", "partially_paid"},
         {"approved", "pay_in_full", "paid"},
         {"partially_paid", "pay_part", "partially_paid"},
         {"partially_paid", "pay_in_full", "paid"}}};
    return m;
}

namespace {

const StateMachine &billMachine()
{
    return VendorBillService::machine();
}

bool holdsFinance(const Principal &p, const QString &entity)
{
    for (const RoleGrant &g : p.user.roles)
        if (g.role == QLatin1String(Role::Finance) &&
            (g.legalEntity.isEmpty() || g.legalEntity == entity))
            return true;
    return false;
}

void audit(const Request &request, QSqlDatabase db, const QString &action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e =
        AuditEntry::from(request, action, QStringLiteral("vendor_bill"), QString::number(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

// Dr Subcontractor cost per line / Cr Accounts payable, once per bill.
void postApproved(const LedgerService &ledger, const BillRow &bill, const QJsonObject &approved,
                  qint64 approver)
{
    posting_rules::VendorBillApproved e{
        bill.legalEntityId,
        bill.id,
        approver,
        bill.createdBy,
        parseDate(approved.value("bill_date").toString()).valueOr({}),
        approved.value("vendor_ref").toString(),
        {}};
    for (const QJsonValue &v : approved.value("lines").toArray()) {
        const QJsonObject l = v.toObject();
        const auto amount = moneyFromJson(l.value("amount"));
        if (amount && !amount->isZero())
            e.lines.append({l.value("project_id").toString().toLongLong(), *amount, std::nullopt,
                            l.value("description").toString().left(200)});
    }
    posting_rules::vendorBillApproved(ledger, e);
}

} // namespace

Money lineAmount(const Decimal &hours, const Decimal &rate, const Currency &currency)
{
    // Both mantissas carry 6 places: the product has 12; one rounding to the minor unit.
    const Int128 minor = divideRoundHalfAwayFromZero(
        hours.mantissa() * rate.mantissa(), pow10i(2 * Decimal::Scale - currency.minorUnits()));
    return Money::fromMinor(qint64(minor), currency).valueOr(Money::zero(currency));
}

VendorBillService::VendorBillService(DbConfig config, const VendorService &vendors)
    : m_store(config), m_projects(config), m_vendors(vendors), m_ledger(config)
{}

void VendorBillService::registerStateMachines()
{
    StateMachineRegistry::add(billMachine());
}

BillRow VendorBillService::visibleBill(const Request &request, qint64 id, bool lock) const
{
    const auto b = m_store.bill(id, lock);
    if (!b || !covers(payablesEntities(request), b->entity))
        throw ApiError::notFound(QStringLiteral("There is no vendor bill %1.").arg(id));
    return *b;
}

void VendorBillService::checkCap(const AgreementRow &agreement, const Money &total,
                                 qint64 exceptBill, const QString &field) const
{
    if (agreement.capAmount.isEmpty())
        return;
    const Money cap = moneyOf(agreement.capAmount, agreement.currency);
    const Money billed =
        moneyOf(m_vendors.store().billedAgainst(agreement.id, exceptBill), agreement.currency);
    const Money left = cap.subtract(billed).valueOr(cap);
    if (total > left)
        throw ApiError::invalidField(
            field, QStringLiteral("cap_exceeded"),
            QStringLiteral("%1 is beyond the agreement's cap of %2: %3 is left")
                .arg(showMoney(total), showMoney(cap),
                     showMoney(left.isNegative() ? Money::zero(left.currency()) : left)));
}

std::optional<AgreementRow> VendorBillService::agreementFor(JsonReader &in, qint64 vendorId,
                                                            qint64 agreementId,
                                                            QDate billDate) const
{
    // Locked so two bills racing for the rest of a cap go one at a time.
    auto agreement = m_vendors.store().agreement(agreementId, true);
    if (!agreement || agreement->vendorId != vendorId) {
        in.addError(QStringLiteral("agreement_id"), "unknown",
                    QStringLiteral("no agreement with this vendor has this id"));
        return std::nullopt;
    }
    if (agreement->status != QLatin1String("active"))
        in.addError(QStringLiteral("agreement_id"), "closed",
                    QStringLiteral("the agreement is closed"));
    else if (billDate < agreement->startDate || billDate > agreement->endDate)
        in.addError(QStringLiteral("bill_date"), "outside_agreement",
                    QStringLiteral("the agreement runs from %1 to %2")
                        .arg(agreement->startDate.toString(Qt::ISODate),
                             agreement->endDate.toString(Qt::ISODate)));
    return agreement;
}

void VendorBillService::requireOpenPeriod(qint64 entityId, QDate billDate) const
{
    if (m_ledger.store().periodStatus(entityId, billDate) == QLatin1String("hard_closed"))
        throw ApiError(Problem{423,
                               problemTypeUri(ErrorType::PeriodClosed),
                               QStringLiteral("Period closed"),
                               QStringLiteral("The accounting period of %1 is hard-closed; a bill "
                                              "dated in it cannot be entered or changed.")
                                   .arg(billDate.toString(Qt::ISODate)),
                               {}});
}

Money VendorBillService::readLines(JsonReader &in, const QJsonArray &lines, const VendorRow &vendor,
                                   const std::optional<AgreementRow> &agreement,
                                   const Currency &cur, QList<BillLineValues> &out) const
{
    if (lines.isEmpty())
        in.addError(QStringLiteral("lines"), "required", QStringLiteral("at least one line"));
    Money total = Money::zero(cur);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        JsonReader line = in.child(QStringLiteral("lines/%1").arg(i), lines.at(i).toObject());
        BillLineValues v;
        v.projectId = line.optionalInt64(QStringLiteral("project_id")).value_or(0);
        const auto taskId = line.optionalInt64(QStringLiteral("task_id"));
        v.description = line.requiredString(QStringLiteral("description")).trimmed();
        const auto hours = line.optionalDecimal(QStringLiteral("hours"));
        const auto givenRate = line.optionalDecimal(QStringLiteral("rate"));
        const auto givenAmount = line.optionalMoney(QStringLiteral("amount"));
        if (line.ok()) {
            if (v.projectId) {
                const auto project = m_projects.project(v.projectId);
                if (!project || project->legalEntityId != vendor.legalEntityId)
                    line.addError(
                        QStringLiteral("project_id"), "unknown",
                        QStringLiteral("no project of %1 has this id").arg(vendor.entity));
            }
            if (agreement && agreement->projectId && agreement->projectId != v.projectId)
                line.addError(QStringLiteral("project_id"), "outside_agreement",
                              QStringLiteral("the agreement covers project %1 only")
                                  .arg(agreement->projectId));
            if (taskId) {
                const auto of = m_projects.projectOfTask(*taskId);
                if (!of || *of != v.projectId)
                    line.addError(QStringLiteral("task_id"), "not_on_project",
                                  QStringLiteral("the task is not on the project"));
                v.taskId = *taskId;
            }
            if (v.description.size() > 500)
                line.addError(QStringLiteral("description"), "invalid_value",
                              QStringLiteral("1 to 500 characters"));
        }
        Money amount = Money::zero(cur);
        if (line.ok() && !hours) {
            // Other costs (rent, software): an amount instead of hours × rate.
            if (!givenAmount)
                line.addError(QStringLiteral("hours"), "required",
                              QStringLiteral("hours × rate, or an amount for other costs"));
            else if (!(givenAmount->currency() == cur) || !givenAmount->isPositive())
                line.addError(QStringLiteral("amount"), "invalid_value",
                              QStringLiteral("more than zero, in %1").arg(cur.code()));
            else
                amount = *givenAmount;
        } else if (line.ok()) {
            if (givenAmount)
                line.addError(QStringLiteral("amount"), "invalid_value",
                              QStringLiteral("hours × rate, or an amount: not both"));
            if (!hours->isPositive() || hours->rounded(2) != *hours ||
                *hours > Decimal::fromInt(100'000))
                line.addError(QStringLiteral("hours"), "invalid_value",
                              QStringLiteral("more than zero, at most 2 decimals"));
            Decimal rate;
            if (givenRate)
                rate = *givenRate;
            else if (agreement)
                rate = Decimal::parse(agreement->hourlyRate).valueOr(Decimal());
            else
                line.addError(QStringLiteral("rate"), "required",
                              QStringLiteral("the hourly rate (no agreement gives one)"));
            if (rate.isNegative() || rate > Decimal::fromInt(1'000'000'000))
                line.addError(QStringLiteral("rate"), "invalid_value",
                              QStringLiteral("not negative"));
            if (line.ok()) {
                amount = lineAmount(*hours, rate, cur);
                v.hours = hours->toString();
                v.rate = rate.toString();
            }
        }
        if (line.ok()) {
            v.amount = amount.toDecimal().toString();
            total = total.add(amount).valueOr(total);
        }
        in.addErrors(line.errors());
        out.append(v);
    }
    return total;
}

QJsonObject VendorBillService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const qint64 vendorId = in.requiredInt64(QStringLiteral("vendor_id"));
    const auto agreementId = in.optionalInt64(QStringLiteral("agreement_id"));
    const QString vendorRef = in.requiredString(QStringLiteral("vendor_ref")).trimmed();
    const QDate billDate = in.requiredDate(QStringLiteral("bill_date"));
    const auto dueDate = in.optionalDate(QStringLiteral("due_date"));
    const QJsonArray lines = in.requiredArray(QStringLiteral("lines"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    const VendorRow vendor = m_vendors.visibleVendor(request, vendorId);
    requireOpenPeriod(vendor.legalEntityId, billDate);

    db::Transaction tx(m_store.db());
    const std::optional<AgreementRow> agreement =
        agreementId ? agreementFor(in, vendorId, *agreementId, billDate) : std::nullopt;
    const QString currency = agreement ? agreement->currency : vendor.currency;
    const Currency cur = Currency::fromCode(currency).value();
    if (vendorRef.isEmpty() || vendorRef.size() > 60)
        in.addError(QStringLiteral("vendor_ref"), "invalid_value",
                    QStringLiteral("1 to 60 characters"));
    else if (m_store.vendorRefTaken(vendorId, vendorRef))
        in.addError(QStringLiteral("vendor_ref"), "duplicate",
                    QStringLiteral("this vendor's bill %1 is already entered").arg(vendorRef));
    const QDate due = dueDate ? *dueDate : billDate.addDays(vendor.paymentTermsDays);
    if (due < billDate)
        in.addError(QStringLiteral("due_date"), "before_bill_date",
                    QStringLiteral("on or after the bill date"));

    NewBill bill;
    const Money total = readLines(in, lines, vendor, agreement, cur, bill.lines);
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    if (agreement)
        checkCap(*agreement, total, 0, QStringLiteral("lines"));

    bill.legalEntityId = vendor.legalEntityId;
    bill.vendorId = vendorId;
    bill.agreementId = agreementId.value_or(0);
    bill.vendorRef = vendorRef;
    bill.billDate = billDate;
    bill.dueDate = due;
    bill.currency = currency;
    bill.total = total.toDecimal().toString();
    bill.createdBy = request.caller().user.id;
    const qint64 id = m_store.insert(bill);
    const QJsonObject after = m_store.bill(id, false)->json;
    audit(request, m_store.db(), QStringLiteral("vendor_bill.create"), id, {}, after);
    tx.commit();
    return after;
}

QJsonObject VendorBillService::update(const Request &request, qint64 id,
                                      const QJsonObject &body) const
{
    JsonReader in(body);
    const auto vendorRef = in.optionalString(QStringLiteral("vendor_ref"));
    const auto billDate = in.optionalDate(QStringLiteral("bill_date"));
    const auto dueDate = in.optionalDate(QStringLiteral("due_date"));
    const auto lines = in.optionalArray(QStringLiteral("lines"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    db::Transaction tx(m_store.db());
    const BillRow bill = visibleBill(request, id, true);
    if (bill.status != QLatin1String("draft"))
        throw ApiError::conflict(QStringLiteral("Vendor bill %1 is %2: only a draft is edited.")
                                     .arg(id)
                                     .arg(bill.status));
    requireVersion(request, body, bill.version);
    const VendorRow vendor = m_vendors.visibleVendor(request, bill.vendorId);
    const QDate date = billDate.value_or(bill.billDate);
    requireOpenPeriod(bill.legalEntityId, date);
    const std::optional<AgreementRow> agreement =
        bill.agreementId ? agreementFor(in, bill.vendorId, bill.agreementId, date) : std::nullopt;
    const Currency cur = Currency::fromCode(bill.currency).value();

    NewBill next;
    next.vendorRef = vendorRef.value_or(bill.json.value("vendor_ref").toString()).trimmed();
    if (next.vendorRef.isEmpty() || next.vendorRef.size() > 60)
        in.addError(QStringLiteral("vendor_ref"), "invalid_value",
                    QStringLiteral("1 to 60 characters"));
    else if (m_store.vendorRefTaken(bill.vendorId, next.vendorRef, id))
        in.addError(QStringLiteral("vendor_ref"), "duplicate",
                    QStringLiteral("this vendor's bill %1 is already entered").arg(next.vendorRef));
    next.billDate = date;
    // A new bill date moves the due date by the vendor's terms unless one is given.
    next.dueDate = dueDate    ? *dueDate
                   : billDate ? date.addDays(vendor.paymentTermsDays)
                              : parseDate(bill.json.value("due_date").toString()).valueOr(date);
    if (next.dueDate < date)
        in.addError(QStringLiteral("due_date"), "before_bill_date",
                    QStringLiteral("on or after the bill date"));
    Money total = moneyOf(bill.total, bill.currency);
    if (lines)
        total = readLines(in, *lines, vendor, agreement, cur, next.lines);
    else
        for (const QJsonValue &v : bill.json.value("lines").toArray()) {
            const QJsonObject l = v.toObject();
            next.lines.append({l.value("project_id").toString().toLongLong(),
                               l.value("task_id").toString().toLongLong(),
                               l.value("description").toString(), l.value("hours").toString(),
                               l.value("rate").toString(),
                               l.value("amount").toObject().value("amount").toString()});
        }
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    if (agreement)
        checkCap(*agreement, total, id, QStringLiteral("lines"));
    next.total = total.toDecimal().toString();
    m_store.update(id, next);
    const QJsonObject after = m_store.bill(id, false)->json;
    audit(request, m_store.db(), QStringLiteral("vendor_bill.update"), id, bill.json, after);
    tx.commit();
    return after;
}

QJsonObject VendorBillService::list(const Request &request) const
{
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty() && !billMachine().states.contains(status))
        throw ApiError::malformed(QStringLiteral("status is one of %1.")
                                      .arg(billMachine().states.join(QStringLiteral(", "))));
    qint64 vendorId = 0;
    const QString v = request.query.queryItemValue(QStringLiteral("vendor_id"));
    if (!v.isEmpty()) {
        bool ok = false;
        vendorId = v.toLongLong(&ok);
        if (!ok || vendorId <= 0)
            throw ApiError::malformed(QStringLiteral("vendor_id is a vendor's id."));
    }
    return {{"items", m_store.bills(payablesEntities(request), status, vendorId)}};
}

QJsonObject VendorBillService::get(const Request &request, qint64 id) const
{
    return visibleBill(request, id, false).json;
}

QJsonObject VendorBillService::submit(const Request &request, qint64 id,
                                      const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    const BillRow bill = visibleBill(request, id, true);
    billMachine().next(bill.status, QStringLiteral("submit"));
    requireVersion(request, body, bill.version);
    if (bill.status == QLatin1String("rejected") && bill.agreementId) {
        // A rejected bill stopped counting against the cap; it must fit again.
        const auto agreement = m_vendors.store().agreement(bill.agreementId, true);
        checkCap(*agreement, moneyOf(bill.total, bill.currency), bill.id, QStringLiteral("total"));
    }
    m_store.submitted(id);
    const QJsonObject after = m_store.bill(id, false)->json;
    audit(request, m_store.db(), QStringLiteral("vendor_bill.submit"), id, bill.json, after);
    tx.commit();
    return after;
}

QJsonObject VendorBillService::decide(const Request &request, qint64 id,
                                      const QJsonObject &body) const
{
    JsonReader in(body);
    const QString decision = in.requiredString(QStringLiteral("decision"));
    const QString comment =
        in.optionalString(QStringLiteral("comment")).value_or(QString()).trimmed();
    if (in.ok() && decision != QLatin1String("approve") && decision != QLatin1String("reject"))
        in.addError(QStringLiteral("decision"), "invalid_value",
                    QStringLiteral("approve or reject"));
    if (in.ok() && decision == QLatin1String("reject") && comment.isEmpty())
        in.addError(QStringLiteral("comment"), "required",
                    QStringLiteral("say why the bill is rejected"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());

    const Principal &caller = request.caller();
    db::Transaction tx(m_store.db());
    const BillRow bill = visibleBill(request, id, true);
    billMachine().next(bill.status, decision);
    requireVersion(request, body, bill.version);
    if (bill.createdBy == caller.user.id)
        throw ApiError::forbidden(
            QStringLiteral("Whoever entered a bill does not approve or reject it."));
    const bool managesAll = !bill.projectManagers.isEmpty() &&
                            std::all_of(bill.projectManagers.begin(), bill.projectManagers.end(),
                                        [&](qint64 pm) { return pm == caller.user.id; });
    if (!managesAll && !holdsFinance(caller, bill.entity))
        throw ApiError::forbidden(QStringLiteral("The manager of the bill's projects or finance "
                                                 "of %1 decides this bill.")
                                      .arg(bill.entity));
    if (decision == QLatin1String("approve")) {
        // AP carries the bill at its date's rate: the same conversion the posting makes of the
        // credit to accounts payable, so payments clear exactly what was booked.
        const auto entity = m_ledger.store().entity(bill.legalEntityId);
        FxRate rate;
        const Money functional =
            convertOn(m_store.db(), moneyOf(bill.total, bill.currency), entity->functionalCurrency,
                      bill.billDate, QStringLiteral("bill_date"), &rate);
        m_store.approved(id, caller.user.id, rate.rate.toString(),
                         functional.toDecimal().toString());
        postApproved(m_ledger, bill, m_store.bill(id, false)->json, caller.user.id);
    } else
        m_store.rejected(id, comment);
    const QJsonObject after = m_store.bill(id, false)->json;
    audit(request, m_store.db(), QStringLiteral("vendor_bill.") + decision, id, bill.json, after);
    tx.commit();
    return after;
}

} // namespace keel
