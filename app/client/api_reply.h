#pragma once

#include "problem.h"

#include <QJsonDocument>
#include <QObject>

namespace keel {

// The outcome of one ApiClient request. Emits finished() exactly once, then deletes itself
// (deleteLater). Either ok() and json() hold the answer, or problem() says what went wrong:
// the server's problem+json, or a network failure (status 0).
class ApiReply : public QObject
{
    Q_OBJECT
public:
    explicit ApiReply(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_ok; }
    int status() const { return m_status; } // HTTP status, 0 when no answer arrived
    const QJsonDocument &json() const { return m_json; }
    QJsonObject object() const { return m_json.object(); }
    const Problem &problem() const { return m_problem; }
    int retryAfterSeconds() const { return m_retryAfter; } // from 429/503, else 0

    // Used by ApiClient.
    void finishOk(int status, const QJsonDocument &json);
    void finishFailed(const Problem &problem, int retryAfterSeconds = 0);

signals:
    void finished();

private:
    void complete();

    bool m_finished = false;
    bool m_ok = false;
    int m_status = 0;
    int m_retryAfter = 0;
    QJsonDocument m_json;
    Problem m_problem;
};

} // namespace keel
