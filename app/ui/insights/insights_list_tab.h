#pragma once

#include "insights_answers.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTableView;

namespace keel::insights {

class InsightsStatePanel;
class InsightsTableModel;
class ReasonsView;

// A list of results beside the selected one's explanation: the list (a lazy model, never a
// widget per row), and for the selected row a heading, its figures and its reasons as sentences.
// Loading, empty, not-trained and error are the state panel's. Double-click (or Enter) opens
// the record behind the row (recordRequested).
class InsightsListTab : public QWidget
{
    Q_OBJECT
public:
    struct Detail
    {
        QString heading;
        QString figures; // rich text under the heading
        QList<InsightsReason> reasons;
    };
    using Describe = std::function<Detail(const QJsonObject &row)>;

    InsightsListTab(InsightsTableModel *model, Describe describe, QString emptyMessage,
                    QWidget *parent = nullptr);

    InsightsTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    InsightsStatePanel *state() const { return m_state; }
    ReasonsView *reasons() const { return m_reasons; }
    QLabel *summary() const { return m_summary; }
    QString detailHeading() const;
    // Loads the first page when first shown (and on reload()).
    void reload();
    void selectRow(int row);
    // Replaces the detail's reasons (a deal's every factor once fetched).
    void showDetail(const Detail &detail);

signals:
    void recordRequested(const QJsonObject &row);
    void rowSelected(const QJsonObject &row);
    void retrainRequested();
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    InsightsTableModel *m_model;
    Describe m_describe;
    QString m_emptyMessage;
    QTableView *m_view;
    InsightsStatePanel *m_state;
    QLabel *m_summary;
    QLabel *m_heading;
    QLabel *m_figures;
    ReasonsView *m_reasons;
    bool m_started = false;
};

} // namespace keel::insights
