#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QVariantList>

#include <optional>

namespace keel {

struct LeaveFilter
{
    QString visibleSql; // ResourcingCaller::visibleEmployeesSql (aliases e, le)
    QVariantList visibleBinds;
    qint64 employeeId = 0;
    QString status;
    QDate from, to;
};

// SQL of leave and public holidays.
class LeaveStore
{
public:
    explicit LeaveStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // Leave JSON plus the employee's entity code and user id.
    struct Row
    {
        QJsonObject json;
        QString entity;
        qint64 userId = 0;
    };
    std::optional<Row> leave(qint64 id, bool lock = false) const;
    QJsonArray list(const LeaveFilter &filter, qint64 after, int limit) const;
    qint64 insert(qint64 employeeId, QDate start, QDate end, const QString &hoursPerDay,
                  const QString &type, const QString &note, qint64 createdBy) const;
    void setStatus(qint64 id, const QString &status) const;

    QJsonArray holidays(const QString &country, QDate from, QDate to, qint64 after,
                        int limit) const;
    std::optional<QJsonObject> holiday(qint64 id) const;
    // nullopt when the country already has a holiday that day.
    std::optional<qint64> insertHoliday(const QString &country, QDate date,
                                        const QString &name) const;

private:
    DbConfig m_config;
};

} // namespace keel
