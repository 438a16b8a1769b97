#pragma once

#include "analytics_api.h"
#include "card_spec.h"
#include "dashboard_filter.h"
#include "metric_answer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QGridLayout;

namespace keel {
class ApiClient;
}

namespace keel::dashboards {

class ChartCard;
class DrillDialog;

// One role's dashboard: its cards (dashboardCards(role)) in a three-column grid, all under
// one filter. reload() asks the server for every card at once; an answer to an older filter
// is ignored. Each card's request is timed (cardLoaded) and allCardsLoaded() says when the
// last card has its answer, good or bad. A click on a point opens its records (DrillDialog).
// A view not on screen waits: setFilter() only marks it stale until it is shown.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    DashboardView(ApiClient *api, DashboardRole role, QWidget *parent = nullptr);
    // Any cards (tests, a custom board); role() is Executive.
    DashboardView(ApiClient *api, const QList<CardSpec> &cards, QWidget *parent = nullptr);
    // A role's board with the given cards: dashboardCards(role, permissions) adds the insights
    // cards, which load themselves when shown and are not among cards() (no metric, no filter).
    DashboardView(ApiClient *api, DashboardRole role, const QList<CardSpec> &cards,
                  QWidget *parent);

    DashboardRole role() const { return m_role; }
    DashboardFilter filter() const { return m_filter; }
    // Takes the filter; reloads now when the view is visible, else when it is next shown.
    void setFilter(const DashboardFilter &filter);
    // Fetches every card now, in parallel.
    void reload();
    // Every card has answered for the current filter.
    bool isLoaded() const { return m_generation > 0 && m_pending == 0; }
    // Milliseconds from reload() to the last card's answer; -1 before.
    qint64 loadMsecs() const { return m_loadMsecs; }

    QList<ChartCard *> cards() const { return m_cards; }
    ChartCard *card(const QString &id) const;
    // The query the card was last fetched with (the filter and the card's own parameters).
    QUrlQuery cardQueryOf(const QString &id) const;
    // Milliseconds the card's last server call took (request to answer); -1 while waiting.
    qint64 cardMsecs(const QString &id) const { return m_msecs.value(id, -1); }
    QHash<QString, qint64> cardTimings() const { return m_msecs; }

    // Opens the records of a card's point (or of its whole figure for an empty key); shown
    // non-modal and deleted on close.
    DrillDialog *openDrill(const QString &cardId, const MetricPoint &point);
    void setDrillEnabled(bool enabled) { m_drillEnabled = enabled; }

signals:
    void cardLoaded(const QString &cardId, qint64 msecs, bool ok);
    void allCardsLoaded(qint64 msecs);
    void drillOpened(keel::dashboards::DrillDialog *dialog);

protected:
    void showEvent(QShowEvent *event) override;

    QList<QWidget *> insightsCards() const { return m_insightsCards; }

private:
    void fetch(ChartCard *card);

    ApiClient *m_client;
    AnalyticsApi m_api;
    DashboardRole m_role;
    DashboardFilter m_filter;
    QList<ChartCard *> m_cards;
    QList<QWidget *> m_insightsCards;
    QHash<QString, QUrlQuery> m_queries;
    QHash<QString, qint64> m_msecs;
    QHash<QString, int> m_cardGeneration; // a retried card's own generation
    QElapsedTimer m_clock;
    int m_generation = 0;
    int m_pending = 0;
    qint64 m_loadMsecs = -1;
    bool m_stale = true;
    bool m_drillEnabled = true;
};

} // namespace keel::dashboards
