// bench_planner_render: the resource planner from the moment its data arrived (the raw bytes of
// a planner answer for 600 people × 26 weeks, generated here: no server) until the view's first
// full paint on the offscreen platform — JSON parse, model fill, layout and painting of every
// visible cell, median of 5 runs. Figure: planner_render_ms.
#include "planner_model.h"
#include "resourcing/planner_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPaintEvent>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>

using keel::resourcing::PlannerModel;
using keel::resourcing::PlannerView;

namespace {

constexpr int People = 600;
constexpr int Weeks = 26;

QByteArray plannerAnswer()
{
    QRandomGenerator rng(42);
    const QDate from(2026, 11, 23);
    QJsonArray weeks;
    for (int w = 0; w < Weeks; ++w)
        weeks.append(from.addDays(7 * w).toString(Qt::ISODate));
    QJsonArray people;
    for (int p = 0; p < People; ++p) {
        QJsonArray cells;
        for (int w = 0; w < Weeks; ++w) {
            const int holiday = rng.bounded(20) == 0 ? 8 : 0;
            const int leave = rng.bounded(30) == 0 ? 40 : 0;
            const int capacity = qMax(0, 40 - holiday - leave);
            const int hard = rng.bounded(6) * 8;
            const int soft = rng.bounded(4) == 0 ? rng.bounded(3) * 8 : 0;
            cells.append(QJsonObject{
                {"week_start", from.addDays(7 * w).toString(Qt::ISODate)},
                {"capacity", QString::number(capacity)},
                {"hard", QString::number(hard)},
                {"soft", QString::number(soft)},
                {"holiday_hours", QString::number(holiday)},
                {"leave_hours", QString::number(leave)},
                {"allocation",
                 capacity > 0 ? QString::number((hard + soft) * 100 / capacity) : QString("0")}});
        }
        people.append(QJsonObject{{"employee_id", QString::number(p + 1)},
                                  {"name", QStringLiteral("Person %1").arg(p + 1)},
                                  {"role", "CONS"},
                                  {"practice", p % 2 ? "CLOUD" : "DATA"},
                                  {"country", p % 3 ? "DE" : "US"},
                                  {"weekly_capacity", "40"},
                                  {"weeks", cells}});
    }
    return QJsonDocument(QJsonObject{{"from", from.toString(Qt::ISODate)},
                                     {"weeks", weeks},
                                     {"people", people}})
        .toJson(QJsonDocument::Compact);
}

// Records when a full viewport paint finished.
class TimedView : public PlannerView
{
public:
    using PlannerView::PlannerView;
    bool painted = false;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        PlannerView::paintEvent(event);
        if (event->rect().contains(viewport()->rect()) && model()->rowCount() > 0)
            painted = true;
    }
};

// One JSON line per figure, as keel-bench-support prints them (not linked: no server here).
void emitLine(const QJsonObject &line)
{
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
}

struct BenchError
{
    QString why;
};

double renderOnce(const QByteArray &bytes)
{
    PlannerModel model;
    TimedView view(&model);
    view.resize(1400, 860);
    QElapsedTimer timer;
    timer.start();
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    model.setFromJson(doc.object());
    view.show();
    while (!view.painted && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!view.painted)
        throw BenchError{QStringLiteral("the planner was not painted within 30 s")};
    if (model.rowCount() != People || model.columnCount() != Weeks)
        throw BenchError{QStringLiteral("the model holds %1 × %2 cells")
                             .arg(model.rowCount())
                             .arg(model.columnCount())};
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString name = QStringLiteral("planner_render_ms");
    try {
        const QByteArray bytes = plannerAnswer();
        QList<double> runs;
        for (int i = 0; i < 5; ++i)
            runs.append(renderOnce(bytes));
        std::sort(runs.begin(), runs.end());
        emitLine({{"name", name}, {"value", std::round(runs.at(2) * 100) / 100}, {"unit", "ms"}});
    } catch (const BenchError &e) {
        emitLine({{"name", name}, {"error", e.why}});
    }
    return 0;
}
