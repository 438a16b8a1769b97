#pragma once

#include "insights_answers.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace keel {
class ApiClient;
}

namespace keel::insights {

class InsightsStatePanel;

// The models: each one's version, training date, sample size and backtest figures against the
// issue's targets (✓ met, ✗ missed), with the backtest's cut-off and notes for the selected one.
// Retrain queues a training run (POST /insights/training-runs) and follows its progress until
// it completes, then reloads; the server trains outside requests, so nothing waits on it.
class ModelsTab : public QWidget
{
    Q_OBJECT
public:
    explicit ModelsTab(ApiClient *api, QWidget *parent = nullptr);

    const QList<InsightsModelInfo> &models() const { return m_models; }
    QTableWidget *table() const { return m_table; }
    QProgressBar *progress() const { return m_progress; }
    QPushButton *retrainButton() const { return m_retrain; }
    QString statusText() const;
    QJsonObject lastRun() const { return m_run; }
    bool isTraining() const { return !m_runId.isEmpty(); }
    // 0 while training hours (tests poll faster).
    void setPollInterval(int msecs) { m_pollMs = msecs; }
    void reload();
    void retrain();

signals:
    void loaded();
    void trainingFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fill();
    void showNotes(int row);
    void poll();
    void takeRun(const QJsonObject &run);

    ApiClient *m_api;
    QList<InsightsModelInfo> m_models;
    InsightsStatePanel *m_state;
    QTableWidget *m_table;
    QLabel *m_notes;
    QPushButton *m_retrain;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTimer *m_timer;
    QString m_runId;
    QJsonObject m_run;
    int m_pollMs = 500;
    int m_generation = 0;
    bool m_started = false;
};

} // namespace keel::insights
