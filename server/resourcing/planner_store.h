#pragma once

#include "db/database.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QVariantList>

namespace keel {

struct PlannerFilter
{
    QString visibleSql; // ResourcingCaller::visibleEmployeesSql (aliases e, le)
    QVariantList visibleBinds;
    QString practice, skill, country, role, legalEntity;
    int minSkillLevel = 1;
};

// One ISO week of one person: available hours against the assigned ones.
struct WeekLoad
{
    QDate weekStart;
    QString capacityHours; // weekly capacity less holidays and approved leave
    QString assignedHours; // existing assignments (hard + soft)
    QString newHours;      // the assignment being checked
    QString totalHours;
    bool over = false;
};

// The set-based week arithmetic shared by the planner and the over-allocation check. Hours of
// an assignment in a week = hours_per_week × (working days of the week inside its range) / 5.
class PlannerStore
{
public:
    explicit PlannerStore(DbConfig config) : m_config(std::move(config)) {}
    QSqlDatabase db() const;

    // People (keyset after/limit by employee id) × weeks from the Monday of `monday`.
    // The JSON body {"from", "weeks": [...], "items": [{…, "cells": [...]}], "next_after"?}:
    // cells align with weeks.
    QByteArray planner(const PlannerFilter &filter, QDate monday, int weeks, qint64 after,
                       int limit) const;

    // The weeks of [start, end] for one employee with the new assignment's hours added;
    // excludeAssignment is left out of the existing load (an assignment being changed).
    QList<WeekLoad> weekLoads(qint64 employeeId, QDate start, QDate end,
                              const QString &hoursPerWeek, qint64 excludeAssignment) const;

private:
    DbConfig m_config;
};

} // namespace keel
