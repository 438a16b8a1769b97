#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace keel {

struct BillLineValues
{
    qint64 projectId = 0; // 0 = none: an other cost (rent, software), general expenses
    qint64 taskId = 0;    // 0 = none
    QString description;
    QString hours;  // decimal text; empty for a line given by its amount
    QString rate;   // decimal text; empty with hours
    QString amount; // decimal text, to the cent
};

struct NewBill
{
    qint64 legalEntityId = 0;
    qint64 vendorId = 0;
    qint64 agreementId = 0; // 0 = none
    QString vendorRef;
    QDate billDate;
    QDate dueDate;
    QString currency;
    QString total;
    qint64 createdBy = 0;
    QList<BillLineValues> lines;
};

struct BillRow
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString entity;
    qint64 agreementId = 0;
    QString status;
    int version = 0;
    qint64 createdBy = 0;
    qint64 vendorId = 0;
    QDate billDate;
    QString total;
    QString currency;
    QList<qint64> projectManagers; // of the lines' projects, 0 where a project has none
    QJsonObject json;              // with lines
};

// SQL for vendor bills and their lines.
class VendorBillStore
{
public:
    explicit VendorBillStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    bool vendorRefTaken(qint64 vendorId, const QString &vendorRef, qint64 exceptBill = 0) const;
    qint64 insert(const NewBill &bill) const;
    // A draft's header and all its lines replaced (bill.lines), version raised.
    void update(qint64 id, const NewBill &bill) const;
    std::optional<BillRow> bill(qint64 id, bool lock) const;
    QJsonArray bills(const QStringList &entities, const QString &status, qint64 vendorId) const;
    void submitted(qint64 id) const;
    // Approved at `fxRate` (bill date, bill currency → functional), carrying `functionalTotal`.
    void approved(qint64 id, qint64 userId, const QString &fxRate,
                  const QString &functionalTotal) const;
    void rejected(qint64 id, const QString &reason) const;

private:
    void insertLines(qint64 billId, const QList<BillLineValues> &lines) const;

    DbConfig m_config;
};

} // namespace keel
