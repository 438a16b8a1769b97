#pragma once

#include <QJsonObject>
#include <QObject>

#include <functional>

class QTimer;

namespace keel {

class ApiReply;
struct Problem;

// Follows a run the server does in the background (a billing, close or revenue run): asks for
// it every interval() until its status is no longer "running". An answer lost on the network is
// asked again, less often, a few times in a row; the run goes on on the server regardless, so
// giving up only stops the following. The jobs of each workspace start their run and word the
// refusals; this is the part they share.
class RunPoller : public QObject
{
    Q_OBJECT
public:
    using Fetch = std::function<ApiReply *()>; // GET the run

    explicit RunPoller(QObject *parent = nullptr);

    void setInterval(int milliseconds) { m_intervalMs = milliseconds; }
    int interval() const { return m_intervalMs; }

    // Follows the run `fetch` reads: from `firstAnswer` (the POST's 202) when given, otherwise
    // by asking now.
    void follow(Fetch fetch, const QJsonObject &firstAnswer = {});
    // Forgets the last answer, e.g. while a run is being started.
    void reset(const QJsonObject &run) { m_run = run; }
    QJsonObject run() const { return m_run; } // the last answer

signals:
    void progressChanged(int progress, const QString &step);
    // status "completed" or "failed" (the run's own error is in run["error"]).
    void finished(const QJsonObject &run);
    // A poll was refused, or got no answer too many times in a row.
    void pollFailed(const keel::Problem &problem);

private:
    void poll();
    void take(const QJsonObject &run);

    QTimer *m_timer;
    Fetch m_fetch;
    QJsonObject m_run;
    int m_intervalMs = 500;
    int m_networkFailures = 0;
};

} // namespace keel
