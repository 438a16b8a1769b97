#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace keel {

struct DunningState
{
    qint64 id = 0;
    QString entity, kind, status, number;
    int dunningLevel = 0;
    QDate lastDunnedOn;
    int version = 0;
    QJsonObject json() const;
};

struct NewCollectionNote
{
    qint64 invoiceId = 0, createdBy = 0;
    QString note;
    QDate promisedDate;    // invalid: none
    int dunningLevel = -1; // -1: not set
};

// SQL for collection notes and invoice dunning levels.
class CollectionsStore
{
public:
    explicit CollectionsStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    std::optional<DunningState> invoice(qint64 id, bool lock) const;
    qint64 insertNote(const NewCollectionNote &n) const;
    void raiseDunning(qint64 invoiceId, int level, QDate on) const;
    QJsonArray notes(qint64 invoiceId, qint64 onlyId = 0) const; // newest first

private:
    DbConfig m_config;
};

} // namespace keel
