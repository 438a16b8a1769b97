#pragma once

#include "paged_list_model.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::approvals {

// How many approvals wait for the signed-in user: GET /api/v1/approvals/inbox/count, every
// 30 seconds and whenever refresh() is called (after a decision). count() is -1 until the
// first answer (or when the server has no inbox), so the UI can hide the figure.
class InboxCounter : public QObject
{
    Q_OBJECT
public:
    explicit InboxCounter(ApiClient *api, QObject *parent = nullptr);

    int count() const { return m_count; }
    void setInterval(int milliseconds);
    void start(); // first refresh now, then every interval
    void stop();

public slots:
    void refresh();

signals:
    void countChanged(int count);

private:
    QPointer<ApiClient> m_api;
    QTimer *m_timer;
    int m_count = -1;
    bool m_inFlight = false;
};

// The inbox list (document type, title, facts, submitter, submitted at) over
// GET /api/v1/approvals/inbox, paged; approve()/reject() POST the decision and report back.
class InboxModel : public sales::PagedListModel
{
    Q_OBJECT
public:
    explicit InboxModel(ApiClient *api, QObject *parent = nullptr);

    // Decide the request on `row`; emits decided() or decisionFailed() with the server's words.
    void approve(int row, const QString &comment = QString());
    void reject(int row, const QString &comment);

    // "Discount 12.5 %, margin 18.2 %" from the facts, for people.
    static QString factsText(const QJsonObject &facts);
    static QString documentTypeName(const QString &type);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void decided(const QString &requestId, bool approved);
    void decisionFailed(const QString &requestId, const QString &message);

private:
    void decide(int row, bool approve, const QString &comment);

    QPointer<ApiClient> m_api;
};

} // namespace keel::approvals
