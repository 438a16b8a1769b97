#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace keel {

struct DemoInsightsCounts
{
    int trained = 0;         // models stored as version 1 (or next)
    QStringList failed;      // "model: why" of each model whose training failed
    qint64 runId = 0;        // the training run recording it (reason 'demo')
    qint64 milliseconds = 0; // what this step added to the load
};

// The last step of the demo load (server/insights/README.md): every model trained on the demo's
// history up to demoAsOf(), inside the load's transaction, recorded as a training run with
// reason 'demo'. A model whose training fails does not fail the load: it is counted in `failed`
// and reported on stderr. False only when the run could not be recorded.
bool loadDemoInsights(QSqlDatabase db, DemoInsightsCounts *counts, QString *error);

} // namespace keel
