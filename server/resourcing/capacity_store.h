#pragma once

// SQL of capacity versus demand and of the bench (see capacity_service.h for the rules). All
// arithmetic is numeric in PostgreSQL; hours come back as text, rounded to 2 places once per
// figure.

#include "db/database.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace keel {

// Which rows a caller sees: the legal entities of their grant ({"*"} = all), narrowed to one
// entity when asked.
struct EntityScope
{
    bool all = false;
    QStringList entities; // entity codes when !all
    QString entity;       // optional narrowing to one code
};

struct CapacityQuery
{
    EntityScope scope;
    QDate monday; // first week
    int weeks = 26;
    QString groupBy; // role | skill | practice | country
};

struct CapacityCell
{
    bool total = false; // the all-groups total of the week (everyone and every request once)
    QString key;        // job role / skill / practice code, country code; empty = none
    QString name;       // what people read
    QDate weekStart;
    QString available, hard, soft; // hours, 2 decimals
};

struct BenchQuery
{
    EntityScope scope;
    QDate from, to;
    QString minFree = QStringLiteral("0");
    qint64 practiceId = 0;
    qint64 skillId = 0;
    int minLevel = 1;
    int limit = 50;
    // keyset: rows after (free hours, employee id) in the order free desc, id asc
    QString afterFree;
    qint64 afterId = 0;
};

struct BenchRow
{
    qint64 employeeId = 0;
    QString name, entity, country, jobRole, jobRoleName, practice;
    QString weeklyCapacity, available, hard, soft, free;
    int skillLevel = 0; // level in the filtered skill, 0 when no skill filter
};

class CapacityStore
{
public:
    explicit CapacityStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // Every group × week of the range, weeks in order, groups ordered as their taxonomy; then the
    // totals of each week (total = true), from the same query.
    QList<CapacityCell> grid(const CapacityQuery &query) const;
    QList<BenchRow> bench(const BenchQuery &query) const;

    bool entityExists(const QString &code) const;
    std::optional<qint64> practiceId(const QString &code) const;
    std::optional<qint64> skillId(const QString &code) const;

private:
    DbConfig m_config;
};

// SQL condition on legal_entities alias `alias` for the scope; appends its binds.
QString entityScopeSql(const EntityScope &scope, const QString &alias, QVariantList &binds);

} // namespace keel
