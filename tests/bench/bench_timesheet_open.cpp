// bench_timesheet_open: the weekly grid opened from a local store that holds a year of the
// consultant's time (3 entries a working day on 6 project tasks, synced) — opening the SQLite
// file, reading the week, building the "My timesheet" page and its first full paint on the
// offscreen platform; median of 5 runs, no server. Figure: timesheet_open_ms.
#include "local_store.h"
#include "time/timesheet_page.h"
#include "timesheet_model.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace keel::offline;

namespace {

void emitLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

int seedYear(const QString &path, const QDate &lastMonday)
{
    LocalStore store;
    if (!store.open(path))
        return -1;
    QJsonArray projects, tasks;
    for (int p = 1; p <= 3; ++p) {
        projects.append(QJsonObject{{"id", QString::number(p)},
                                    {"name", QStringLiteral("Client project %1").arg(p)}});
        for (int t = 1; t <= 2; ++t)
            tasks.append(QJsonObject{{"id", QString::number(p * 10 + t)},
                                     {"project_id", QString::number(p)},
                                     {"name", QStringLiteral("Task %1").arg(t)}});
    }
    store.setReference({{"projects", projects}, {"tasks", tasks}});
    int n = 0;
    const char *hours[] = {"3.50", "2.25", "2.25"};
    for (int w = 0; w < 52; ++w)
        for (int d = 0; d < 5; ++d)
            for (int k = 0; k < 3; ++k) {
                const int project = 1 + (w + k) % 3;
                const int task = project * 10 + 1 + (d + k) % 2;
                store.mergeServerTimeEntry(
                    QJsonObject{{"id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                {"work_date", lastMonday.addDays(-7 * w + d).toString(Qt::ISODate)},
                                {"project_id", QString::number(project)},
                                {"project_name", QStringLiteral("Client project %1").arg(project)},
                                {"task_id", QString::number(task)},
                                {"task_name", QStringLiteral("Task %1").arg(1 + (d + k) % 2)},
                                {"hours", hours[k]},
                                {"notes", "work"},
                                {"status", w == 0 ? "draft" : "approved"},
                                {"version", 3}});
                ++n;
            }
    return n;
}

double openOnce(const QString &path, const QDate &monday)
{
    QElapsedTimer t;
    t.start();
    LocalStore store;
    if (!store.open(path))
        return -1;
    keel::timesheet::TimesheetPage page(&store, nullptr);
    page.showWeek(monday);
    page.resize(1200, 600);
    page.grab(); // lays out and paints every visible cell
    const double ms = t.nsecsElapsed() / 1e6;
    if (page.model()->entryRowCount() == 0)
        return -1;
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString name = QStringLiteral("timesheet_open_ms");
    QTemporaryDir dir;
    const QString path = dir.filePath("year.sqlite");
    const QDate monday = TimesheetModel::mondayOf(QDate::currentDate()).addDays(-7);
    const int entries = seedYear(path, monday);
    if (entries <= 0) {
        emitLine({{"name", name}, {"error", "cannot create the local store"}});
        return 0;
    }
    QList<double> runs;
    for (int i = 0; i < 5; ++i)
        runs.append(openOnce(path, monday.addDays(-7 * i)));
    std::sort(runs.begin(), runs.end());
    if (runs.first() < 0) {
        emitLine({{"name", name}, {"error", "the week did not load"}});
        return 0;
    }
    emitLine({{"name", name},
              {"value", std::round(runs.at(2) * 100) / 100},
              {"unit", "ms"},
              {"entries", entries}});
    return 0;
}
