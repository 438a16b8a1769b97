#include "vendor_bill_store.h"

#include "db/pg_array.h"
#include "expense_values.h"
#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

using namespace expense_values;

namespace {

const QString kBill = QStringLiteral(
    "SELECT b.id, b.legal_entity_id, le.code, b.agreement_id, b.status, b.version, "
    "coalesce(b.created_by, 0), trim_scale(b.total)::text, b.currency, b.vendor_id, v.name, "
    "b.vendor_ref, b.bill_date, b.due_date, b.rejection_reason, b.approved_by, b.updated_at, "
    "(SELECT json_agg(json_build_object('seq', l.seq, 'project_id', l.project_id::text, "
    "'project_manager_id', coalesce(p.project_manager_id, 0), 'task_id', l.task_id::text, "
    "'description', l.description, 'hours', trim_scale(l.hours)::text, 'rate', "
    "trim_scale(l.rate)::text, 'amount', trim_scale(l.amount)::text) ORDER BY l.seq) "
    "FROM vendor_bill_lines l LEFT JOIN projects p ON p.id = l.project_id "
    "WHERE l.bill_id = b.id)::text, "
    "trim_scale(b.amount_paid)::text, trim_scale(b.fx_rate)::text, "
    "trim_scale(b.functional_total)::text, "
    "trim_scale(b.functional_paid)::text, le.functional_currency "
    "FROM vendor_bills b JOIN vendors v ON v.id = b.vendor_id "
    "JOIN legal_entities le ON le.id = b.legal_entity_id ");

BillRow billFrom(const QSqlQuery &q)
{
    BillRow b;
    b.id = q.value(0).toLongLong();
    b.legalEntityId = q.value(1).toLongLong();
    b.entity = q.value(2).toString();
    b.agreementId = q.value(3).toLongLong();
    b.status = q.value(4).toString();
    b.version = q.value(5).toInt();
    b.createdBy = q.value(6).toLongLong();
    b.total = q.value(7).toString();
    b.currency = q.value(8).toString();
    b.vendorId = q.value(9).toLongLong();
    b.billDate = q.value(12).toDate();
    QJsonArray lines;
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(17).toByteArray()).array()) {
        QJsonObject l = v.toObject();
        b.projectManagers.append(l.value("project_manager_id").toInteger());
        l.remove(QStringLiteral("project_manager_id"));
        l.insert(QStringLiteral("amount"), moneyJson(l.value("amount").toString(), b.currency));
        lines.append(l);
    }
    b.json = QJsonObject{{"id", idToJson(b.id)},
                         {"legal_entity", b.entity},
                         {"vendor_id", idToJson(q.value(9).toLongLong())},
                         {"vendor_name", q.value(10).toString()},
                         {"agreement_id", optId(q.value(3))},
                         {"vendor_ref", q.value(11).toString()},
                         {"bill_date", dateToJson(q.value(12).toDate())},
                         {"due_date", dateToJson(q.value(13).toDate())},
                         {"total", moneyJson(b.total, b.currency)},
                         {"status", b.status},
                         {"rejection_reason",
                          q.value(14).isNull() ? QJsonValue() : QJsonValue(q.value(14).toString())},
                         {"created_by", idToJson(b.createdBy)},
                         {"approved_by", optId(q.value(15))},
                         {"updated_at", instantToJson(q.value(16).toDateTime())},
                         {"version", b.version},
                         {"lines", lines}};
    // What payables carries: paid so far, the rest, and the functional amounts at approval.
    const Money total = moneyOf(b.total, b.currency);
    const Money paid = moneyOf(q.value(18).toString(), b.currency);
    b.json.insert(QStringLiteral("amount_paid"), moneyToJson(paid));
    b.json.insert(QStringLiteral("balance"), moneyToJson(total.subtract(paid).valueOr(total)));
    b.json.insert(QStringLiteral("fx_rate"), optText(q.value(19)));
    const QString functional = q.value(22).toString();
    b.json.insert(QStringLiteral("functional_total"),
                  q.value(20).isNull() ? QJsonValue()
                                       : QJsonValue(moneyJson(q.value(20).toString(), functional)));
    b.json.insert(QStringLiteral("functional_paid"), moneyJson(q.value(21).toString(), functional));
    return b;
}

} // namespace

QSqlDatabase VendorBillStore::db() const
{
    return db::connection(m_config);
}

bool VendorBillStore::vendorRefTaken(qint64 vendorId, const QString &vendorRef,
                                     qint64 exceptBill) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT 1 FROM vendor_bills WHERE vendor_id = ? AND "
                                           "vendor_ref = ? AND id <> ?"),
                            {vendorId, vendorRef, exceptBill});
    return q.next();
}

qint64 VendorBillStore::insert(const NewBill &b) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO vendor_bills (legal_entity_id, vendor_id, agreement_id, "
                       "vendor_ref, bill_date, due_date, currency, total, created_by) VALUES (?, "
                       "?, ?, ?, ?, ?, ?, ?::numeric, ?) RETURNING id"),
        {b.legalEntityId, b.vendorId,
         b.agreementId ? QVariant(b.agreementId) : QVariant(QMetaType::fromType<qint64>()),
         b.vendorRef, b.billDate, b.dueDate, b.currency, b.total, b.createdBy});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    insertLines(id, b.lines);
    return id;
}

void VendorBillStore::update(qint64 id, const NewBill &b) const
{
    db::query(db(),
              QStringLiteral("UPDATE vendor_bills SET vendor_ref = ?, bill_date = ?, due_date = ?, "
                             "total = ?::numeric, updated_at = now(), version = version + 1 "
                             "WHERE id = ?"),
              {b.vendorRef, b.billDate, b.dueDate, b.total, id});
    db::query(db(), QStringLiteral("DELETE FROM vendor_bill_lines WHERE bill_id = ?"), {id});
    insertLines(id, b.lines);
}

void VendorBillStore::insertLines(qint64 billId, const QList<BillLineValues> &lines) const
{
    db::PgArray project, task, description, hours, rate, amount;
    for (const BillLineValues &l : lines) {
        project.add(l.projectId);
        task.add(l.taskId);
        description.add(l.description);
        hours.addText(l.hours);
        rate.addText(l.rate);
        amount.add(l.amount);
    }
    db::query(db(),
              QStringLiteral("INSERT INTO vendor_bill_lines (bill_id, seq, project_id, task_id, "
                             "description, hours, rate, amount) SELECT ?, u.seq, u.p, u.t, u.d, "
                             "u.h, u.r, u.a FROM unnest(?::bigint[], ?::bigint[], ?::text[], "
                             "?::numeric[], ?::numeric[], ?::numeric[]) WITH ORDINALITY "
                             "AS u(p, t, d, h, r, a, seq)"),
              {billId, project.literal(), task.literal(), description.literal(), hours.literal(),
               rate.literal(), amount.literal()});
}

std::optional<BillRow> VendorBillStore::bill(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kBill + QStringLiteral("WHERE b.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF b") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return billFrom(q);
}

QJsonArray VendorBillStore::bills(const QStringList &entities, const QString &status,
                                  qint64 vendorId) const
{
    QString sql = kBill + QStringLiteral("WHERE (? = '*' OR le.code = ANY(string_to_array(?, "
                                         "',')))");
    QVariantList binds{entities.contains(QStringLiteral("*")) ? QStringLiteral("*") : QString(),
                       entities.join(u',')};
    if (!status.isEmpty()) {
        sql += QStringLiteral(" AND b.status = ?");
        binds.append(status);
    }
    if (vendorId) {
        sql += QStringLiteral(" AND b.vendor_id = ?");
        binds.append(vendorId);
    }
    QSqlQuery q = db::query(db(),
                            sql + QStringLiteral(" ORDER BY b.bill_date DESC, b.id DESC "
                                                 "LIMIT 500"),
                            binds);
    QJsonArray out;
    while (q.next())
        out.append(billFrom(q).json);
    return out;
}

void VendorBillStore::submitted(qint64 id) const
{
    db::query(db(),
              QStringLiteral("UPDATE vendor_bills SET status = 'submitted', rejection_reason = "
                             "NULL, updated_at = now(), version = version + 1 WHERE id = ?"),
              {id});
}

void VendorBillStore::approved(qint64 id, qint64 userId, const QString &fxRate,
                               const QString &functionalTotal) const
{
    db::query(db(),
              QStringLiteral("UPDATE vendor_bills SET status = 'approved', approved_by = ?, "
                             "fx_rate = ?::numeric, functional_total = ?::numeric, "
                             "updated_at = now(), version = version + 1 WHERE id = ?"),
              {userId, fxRate, functionalTotal, id});
}

void VendorBillStore::rejected(qint64 id, const QString &reason) const
{
    db::query(db(),
              QStringLiteral("UPDATE vendor_bills SET status = 'rejected', rejection_reason = ?, "
                             "updated_at = now(), version = version + 1 WHERE id = ?"),
              {reason, id});
}

} // namespace keel
