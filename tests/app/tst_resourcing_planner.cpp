// The resource planner's model: one planner answer mapped to people × weeks cells (allocation
// %, hard vs soft hours, holiday and leave flags, over-allocation), and the delegate's colours.
#include "capacity_model.h"
#include "planner_model.h"
#include "resourcing/planner_view.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using keel::resourcing::PlannerCell;
using keel::resourcing::PlannerDelegate;
using keel::resourcing::PlannerModel;

class TestResourcingPlanner : public QObject
{
    Q_OBJECT
private slots:
    void mapsCells();
    void serverShape();
    void computesAllocationWhenAbsent();
    void weeksByDateNotPosition();
    void requestCarriesFilters();
    void centiHours();
    void colours();
    void capacityPivot();
};

namespace {
QJsonObject answer()
{
    const QByteArray json = R"({
      "from": "2026-11-23", "weeks": ["2026-11-23", "2026-11-30", "2026-12-07"],
      "people": [
        {"employee_id": "7", "name": "Ada Byron", "role": {"code": "SCON", "name": "Senior consultant"},
         "practice": "CLOUD", "country": "DE", "weekly_capacity": "40",
         "weeks": [
           {"week_start": "2026-11-23", "capacity": "40", "hard": "32", "soft": "0",
            "holiday_hours": "0", "leave_hours": "0", "allocation": "80"},
           {"week_start": "2026-11-30", "capacity": "32", "hard": "16", "soft": "24.5",
            "holiday_hours": "8", "leave_hours": "0", "allocation": "126.56"},
           {"week_start": "2026-12-07", "capacity": "0", "hard": "0", "soft": "0",
            "holiday_hours": "0", "leave_hours": "40", "allocation": "0"}]},
        {"employee_id": "9", "name": "Bob Ross", "role": "CONS", "practice": "DATA",
         "country": "US", "weekly_capacity": "37.5",
         "weeks": [
           {"week_start": "2026-11-23", "capacity": "37.5", "hard": "0", "soft": "18.75",
            "holiday_hours": "0", "leave_hours": "0", "allocation": "50"}]}
      ]})";
    return QJsonDocument::fromJson(json).object();
}
} // namespace

void TestResourcingPlanner::mapsCells()
{
    PlannerModel m;
    m.setFromJson(answer());
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.columnCount(), 3);
    QCOMPARE(m.weekStart(0), QDate(2026, 11, 23));
    QCOMPARE(m.weekStart(2), QDate(2026, 12, 7));
    QCOMPARE(m.person(0).name, QString("Ada Byron"));
    QCOMPARE(m.person(0).role, QString("Senior consultant"));
    QCOMPARE(m.person(1).weeklyCapacity, 3750);
    QCOMPARE(m.headerData(0, Qt::Vertical).toString(), QString("Ada Byron"));
    QCOMPARE(m.data(m.index(0, 0), PlannerModel::PersonIdRole).toString(), QString("7"));

    const PlannerCell &hard = m.cell(0, 0);
    QCOMPARE(hard.allocation, 80);
    QCOMPARE(hard.hard, 3200);
    QCOMPARE(hard.soft, 0);
    QCOMPARE(hard.flags, 0);
    QCOMPARE(m.data(m.index(0, 0)).toString(), QString("80 %"));

    const PlannerCell &over = m.cell(0, 1);
    QCOMPARE(over.allocation, 127); // 126.56 rounded
    QCOMPARE(over.hard, 1600);
    QCOMPARE(over.soft, 2450);
    QCOMPARE(over.hardPercent, 50); // 16 of 32 available hours
    QVERIFY(over.has(PlannerCell::Holiday));
    QVERIFY(!over.has(PlannerCell::Leave));
    QVERIFY(over.has(PlannerCell::OverAllocated));
    QVERIFY(!over.has(PlannerCell::Unavailable));
    QCOMPARE(over.absence, 800);

    const PlannerCell &leave = m.cell(0, 2);
    QVERIFY(leave.has(PlannerCell::Leave));
    QVERIFY(leave.has(PlannerCell::Unavailable));
    QVERIFY(!leave.has(PlannerCell::OverAllocated));
    QCOMPARE(m.data(m.index(0, 2)).toString(), QString()); // nothing booked, nothing written

    const PlannerCell &soft = m.cell(1, 0);
    QCOMPARE(soft.allocation, 50);
    QCOMPARE(soft.hard, 0);
    QCOMPARE(soft.soft, 1875);
    // Bob has no cells for the later weeks: empty, not someone else's.
    QCOMPARE(m.cell(1, 1).allocation, 0);
    QCOMPARE(m.cell(1, 1).hard + m.cell(1, 1).soft, 0);
}

void TestResourcingPlanner::serverShape()
{
    // keel-server's planner: weeks [{week, start}], items with positional cells; absence only
    // as hours; allocation_pct null when nothing is available.
    PlannerModel m;
    m.setFromJson(QJsonDocument::fromJson(R"({"from":"2026-11-23",
        "weeks":[{"week":"2026-W48","start":"2026-11-23"},{"week":"2026-W49","start":"2026-11-30"}],
        "items":[{"employee_id":"12","display_name":"Chloe Dubois","legal_entity":"UK",
          "country":"GB","practice":"DATA","job_role":"CONSULTANT",
          "weekly_capacity_hours":"37.5","utilisation_target_pct":"80",
          "cells":[{"capacity_hours":"30.00","absence_hours":"7.50","hard_hours":"15.00",
                    "soft_hours":"15.00","soft_weighted_hours":"7.50","allocation_pct":"100.0"},
                   {"capacity_hours":"0.00","absence_hours":"37.50","hard_hours":"0.00",
                    "soft_hours":"0.00","soft_weighted_hours":"0.00","allocation_pct":null}]}]})")
                      .object());
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.columnCount(), 2);
    QCOMPARE(m.weekStart(1), QDate(2026, 11, 30));
    QCOMPARE(m.person(0).id, QString("12"));
    QCOMPARE(m.person(0).name, QString("Chloe Dubois"));
    QCOMPARE(m.person(0).role, QString("CONSULTANT"));
    QCOMPARE(m.person(0).weeklyCapacity, 3750);
    const PlannerCell &a = m.cell(0, 0);
    QCOMPARE(a.capacity, 3000);
    QCOMPARE(a.hard, 1500);
    QCOMPARE(a.soft, 1500);
    QCOMPARE(a.allocation, 100);
    QCOMPARE(a.hardPercent, 50);
    QCOMPARE(a.absence, 750);
    QVERIFY(a.has(PlannerCell::Absent));
    QVERIFY(!a.has(PlannerCell::OverAllocated));
    const PlannerCell &b = m.cell(0, 1);
    QVERIFY(b.has(PlannerCell::Unavailable));
    QVERIFY(b.has(PlannerCell::Absent));
    QCOMPARE(b.allocation, 0);
}

void TestResourcingPlanner::computesAllocationWhenAbsent()
{
    PlannerModel m;
    m.setFromJson(QJsonDocument::fromJson(R"({"from":"2026-11-23","weeks":["2026-11-23"],
        "people":[{"id":"1","name":"A","weeks":[{"week_start":"2026-11-23","capacity":"30",
        "hard":"30","soft":"6"}]}]})")
                      .object());
    QCOMPARE(m.cell(0, 0).allocation, 120); // (30 + 6) / 30
    QVERIFY(m.cell(0, 0).has(PlannerCell::OverAllocated));
}

void TestResourcingPlanner::weeksByDateNotPosition()
{
    // A person's cells may skip weeks; each lands in its own week's column (ISO week ids too).
    PlannerModel m;
    m.setFromJson(QJsonDocument::fromJson(R"({"weeks":["2026-W48","2026-W49","2026-W50"],
        "people":[{"id":"1","name":"A","weeks":[{"week":"2026-W50","capacity":"40",
        "hard":"20","soft":"0"}]}]})")
                      .object());
    QCOMPARE(m.columnCount(), 3);
    QCOMPARE(m.weekStart(0), QDate(2026, 11, 23));
    QCOMPARE(m.cell(0, 0).allocation, 0);
    QCOMPARE(m.cell(0, 2).allocation, 50);
    QCOMPARE(m.weekLabel(2), QString("W50"));
}

void TestResourcingPlanner::requestCarriesFilters()
{
    PlannerModel m;
    m.setRange(QDate(2026, 11, 25), 26); // a Wednesday: the planner starts on its Monday
    m.setFilter("practice", "CLOUD");
    m.setFilter("skill", "Kubernetes & Helm");
    m.setFilter("country", "");
    QCOMPARE(m.requestPath(),
             QString("/api/v1/resourcing/planner?from=2026-11-23&weeks=26&limit=1000&practice=CLOUD"
                     "&skill=Kubernetes%20%26%20Helm"));
}

void TestResourcingPlanner::centiHours()
{
    QCOMPARE(PlannerModel::centiHours(QJsonValue("7.5")), 750);
    QCOMPARE(PlannerModel::centiHours(QJsonValue("0.125")), 13);
    QCOMPARE(PlannerModel::centiHours(QJsonValue("-2.25")), -225);
    QCOMPARE(PlannerModel::centiHours(QJsonValue("x")), 0);
    QCOMPARE(PlannerModel::hoursText(750), QString("7.5"));
    QCOMPARE(PlannerModel::hoursText(4000), QString("40"));
}

void TestResourcingPlanner::colours()
{
    // Levels grow darker with allocation; over 100 % is a warning colour, not a green.
    QVERIFY(PlannerDelegate::levelColour(30) != PlannerDelegate::levelColour(95));
    QVERIFY(PlannerDelegate::levelColour(130).red() > PlannerDelegate::levelColour(130).green());
    QVERIFY(PlannerDelegate::levelColour(100).green() > PlannerDelegate::levelColour(100).red());
}

void TestResourcingPlanner::capacityPivot()
{
    // Groups as rows (and a total), weeks as columns; a cell shows the gap, negative = short.
    keel::resourcing::CapacityModel m;
    m.setFromJson(QJsonDocument::fromJson(R"({"from":"2026-11-23","group_by":"role",
      "weeks":[{"week":"2026-W48","week_start":"2026-11-23"},{"week":"2026-W49","week_start":"2026-11-30"}],
      "rows":[{"key":"ANALYST","name":"Analyst","weeks":[
         {"week_start":"2026-11-30","available_hours":"100.00","hard_demand_hours":"90.00",
          "soft_demand_hours":"25.50","gap_hours":"-15.50"},
         {"week_start":"2026-11-23","available_hours":"3321.00","hard_demand_hours":"828.22",
          "soft_demand_hours":"0.00","gap_hours":"2492.78"}]},
        {"key":null,"name":null,"weeks":[]}],
      "totals":[{"week_start":"2026-11-23","available_hours":"3321.00","hard_demand_hours":"828.22",
          "soft_demand_hours":"0.00","gap_hours":"2492.78"}]})")
                      .object());
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.columnCount(), 2);
    QCOMPARE(m.headerData(0, Qt::Vertical).toString(), QString("Analyst"));
    QCOMPARE(m.headerData(1, Qt::Vertical).toString(), QString("(none)"));
    QCOMPARE(m.headerData(2, Qt::Vertical).toString(), QString("Total"));
    // Cells land in their week's column, not in the order they came.
    QCOMPARE(m.data(m.index(0, 0), keel::resourcing::CapacityModel::GapRole).toString(),
             QString("2492.78"));
    QCOMPARE(m.data(m.index(0, 0)).toString(), QString("2,493"));
    QCOMPARE(m.data(m.index(0, 1), keel::resourcing::CapacityModel::HardRole).toString(),
             QString("90.00"));
    QVERIFY(m.data(m.index(0, 1), keel::resourcing::CapacityModel::ShortRole).toBool());
    QVERIFY(!m.data(m.index(0, 0), keel::resourcing::CapacityModel::ShortRole).toBool());
    QVERIFY(m.data(m.index(0, 1), Qt::ToolTipRole).toString().contains("25.5"));
}

QTEST_MAIN(TestResourcingPlanner)
#include "tst_resourcing_planner.moc"
