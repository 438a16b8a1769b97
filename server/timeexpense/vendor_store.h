#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace keel {

struct VendorRow
{
    qint64 id = 0;
    qint64 legalEntityId = 0;
    QString entity;
    QString currency;
    int paymentTermsDays = 30;
    bool active = true;
    QJsonObject json;
};

struct AgreementRow
{
    qint64 id = 0;
    qint64 vendorId = 0;
    qint64 legalEntityId = 0;
    qint64 projectId = 0; // 0 = any project of the entity
    QString hourlyRate;   // decimal text
    QString currency;
    QString capAmount; // decimal text, empty = no cap
    QDate startDate;
    QDate endDate;
    QString status;
    QJsonObject json;
};

struct NewVendor
{
    qint64 legalEntityId = 0;
    QString name;
    QString country;
    QString currency;
    int paymentTermsDays = 30;
    QString taxId;
};

struct NewAgreement
{
    qint64 vendorId = 0;
    qint64 legalEntityId = 0;
    qint64 projectId = 0;
    QString reference;
    QString hourlyRate;
    QString currency;
    QString capAmount;
    QDate startDate;
    QDate endDate;
};

// SQL for vendors and subcontract agreements.
class VendorStore
{
public:
    explicit VendorStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<VendorRow> vendor(qint64 id) const;
    QJsonArray vendors(const QStringList &entities) const; // "*" = all
    bool vendorNameTaken(qint64 legalEntityId, const QString &name) const;
    qint64 insertVendor(const NewVendor &v) const;

    std::optional<AgreementRow> agreement(qint64 id, bool lock) const;
    QJsonArray agreements(const QStringList &entities, qint64 vendorId) const;
    qint64 insertAgreement(const NewAgreement &a) const;
    // Total of the agreement's bills that count against its cap (all but rejected ones).
    QString billedAgainst(qint64 agreementId, qint64 exceptBill) const;

private:
    DbConfig m_config;
};

} // namespace keel
