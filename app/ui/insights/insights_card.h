#pragma once

#include "card_spec.h"

#include <QFrame>

class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::insights {

class InsightsBarChart;
class InsightsStatePanel;
class InsightsTableModel;

// A role dashboard's insights card (CardSpec::insights): deals at risk, projects at risk or
// flagged drafts as a short list, the cash-in or the revenue forecast as a chart with its
// range. Loads when first shown; without a trained model it shows "No model trained yet".
// A double-click on a row shows its reasons; the Insights workspace has the rest.
class InsightsCard : public QFrame
{
    Q_OBJECT
public:
    InsightsCard(ApiClient *api, const dashboards::CardSpec &spec, QWidget *parent = nullptr);

    const dashboards::CardSpec &spec() const { return m_spec; }
    InsightsStatePanel *state() const { return m_state; }
    InsightsTableModel *list() const { return m_model; }
    InsightsBarChart *chart() const { return m_chart; }
    QString figureText() const;
    void reload();

signals:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadChart();
    void showReasons(const QJsonObject &row);

    ApiClient *m_api;
    dashboards::CardSpec m_spec;
    QLabel *m_figure;
    InsightsStatePanel *m_state;
    InsightsTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    InsightsBarChart *m_chart = nullptr;
    int m_generation = 0;
    bool m_started = false;
};

} // namespace keel::insights
